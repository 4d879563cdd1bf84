package io.github.d365bridge.flow.housekeeping;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.storage.ClaimCheckStore;

/**
 * Claim-check blobs go the retention period after they were written (their messages are long done by then;
 * a poisoned message's body is held apart, see {@link ClaimCheckStore}).
 */
@ApplicationScoped
public class ClaimCheckSweep implements SweepTarget {

    private final ClaimCheckStore store;
    private final HousekeepingConfig config;

    @Inject
    public ClaimCheckSweep(ClaimCheckStore store, HousekeepingConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public String name() {
        return "claim-check";
    }

    @Override
    public int sweep(int limit) {
        return store.deleteWrittenBefore(Instant.now().minus(config.claimCheckRetention()), limit);
    }
}
