package io.github.d365bridge.flow.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.FailureLog;

/**
 * Failure entries an operator has dealt with (replayed) are kept for the retention period, then go, and with
 * them the claim-check body held for their message: a replayed message has the whole retention period to
 * get through its retries before its body may go.
 */
@ApplicationScoped
public class FailureLogSweep implements SweepTarget {

    private final FailureLog failures;
    private final ClaimCheckStore claimChecks;
    private final Duration retention;
    private final Clock clock;

    @Inject
    public FailureLogSweep(FailureLog failures, ClaimCheckStore claimChecks, HousekeepingConfig config) {
        this(failures, claimChecks, config.stateRetention(), Clock.systemUTC());
    }

    public FailureLogSweep(FailureLog failures, ClaimCheckStore claimChecks, Duration retention, Clock clock) {
        this.failures = failures;
        this.claimChecks = claimChecks;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "failure-log";
    }

    @Override
    public int sweep(int limit) {
        // by whole days: an entry is kept at least the retention after it was finished, at most a day longer
        List<FailureLog.FinishedFailure> expired = failures.finishedBefore(
                LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC), limit);
        for (FailureLog.FinishedFailure failure : expired) {
            // the body first: an entry whose delete is lost is found again, a body without its entry never
            failure.held().ifPresent(claimChecks::release);
            failures.delete(failure);
        }
        return expired.size();
    }
}
