package io.github.d365bridge.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the bridge keeps what it writes along the way; the README's "Retention" section explains each. */
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

    /**
     * Mapped-order blobs written longer ago than this are deleted, unless their order is still on its way
     * into D365 (then they are kept and looked at again a retention later).
     */
    @WithDefault("P14D")
    Duration mappedOrderRetention();

    /**
     * DMF job records are deleted this long after their job settled; a job still followed (not settled, or
     * still named by its data project lock) is kept.
     */
    @WithDefault("P30D")
    Duration dmfJobRetention();

    /**
     * Where DMF package files are written before their upload (a folder of their own, so that sweeping it
     * touches nothing else); default {@code <java.io.tmpdir>/d365-bridge-packages}.
     */
    Optional<String> packageFolder();

    /**
     * Package files older than this are deleted (left by a process that died); each is deleted as soon as its
     * upload is done, so this only needs to exceed the longest upload.
     */
    @WithDefault("PT1H")
    Duration packageFileRetention();

    /** Deletes per housekeeping message, so one sweep never runs past a function timeout. */
    @WithDefault("500")
    int batchSize();
}
