package io.github.d365bridge.flow.housekeeping;

import java.time.Instant;
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
    private final HousekeepingConfig config;

    @Inject
    public FailureLogSweep(FailureLog failures, ClaimCheckStore claimChecks, HousekeepingConfig config) {
        this.failures = failures;
        this.claimChecks = claimChecks;
        this.config = config;
    }

    @Override
    public String name() {
        return "failure-log";
    }

    @Override
    public int sweep(int limit) {
        List<FailureLog.FinishedFailure> expired = failures.finishedBefore(Instant.now().minus(config.stateRetention()),
                limit);
        for (FailureLog.FinishedFailure failure : expired) {
            // the body first: an entry whose delete is lost is found again, a body without its entry never
            failure.held().ifPresent(claimChecks::release);
            failures.delete(failure);
        }
        return expired.size();
    }
}
