package io.github.d365bridge.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Retention of claim-check blobs and finished state records. */
@ConfigMapping(prefix = "bridge.housekeeping")
public interface HousekeepingConfig {

    /** Claim-check blobs older than this are deleted (their messages are long done or poisoned). */
    @WithDefault("P14D")
    Duration claimCheckRetention();

    /** Finished state records (done, replayed) older than this are deleted. */
    @WithDefault("P30D")
    Duration stateRetention();

    /**
     * Written-back orders leave the order ledger this long after their write-back (their count stays in the
     * status view). An order seen again after that is still imported once: the batcher looks every order up
     * in D365 before packaging it.
     */
    @WithDefault("P90D")
    Duration orderRetention();

    /** Failed orders leave the order ledger this long after they failed, replayed or not. */
    @WithDefault("P180D")
    Duration failedOrderRetention();

    /** Deletes per housekeeping message, so one sweep never runs past a function timeout. */
    @WithDefault("500")
    int batchSize();
}
