package io.github.d365bridge.flow.housekeeping;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.storage.FailureLog;

/** Failure entries an operator has dealt with (replayed) are kept for the retention period, then go. */
@ApplicationScoped
public class FailureLogSweep implements SweepTarget {

    private final FailureLog failures;
    private final HousekeepingConfig config;

    @Inject
    public FailureLogSweep(FailureLog failures, HousekeepingConfig config) {
        this.failures = failures;
        this.config = config;
    }

    @Override
    public String name() {
        return "failure-log";
    }

    @Override
    public int sweep(int limit) {
        return failures.deleteFinishedBefore(Instant.now().minus(config.stateRetention()), limit);
    }
}
