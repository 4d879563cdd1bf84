package io.github.d365bridge.flow.sync;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sync engine's state, runs and resumption, shared by every D365 → Commerce flow. */
@ConfigMapping(prefix = "bridge.sync")
public interface SyncConfig {

    /** Table of the content hashes and target ids per record and scope, and the failed and skipped lists. */
    @WithDefault("BridgeSyncState")
    String stateTable();

    /** Table of the runs and their progress per legal entity. */
    @WithDefault("BridgeSyncRuns")
    String runsTable();

    /**
     * A run whose progress in a legal entity has not moved for this long is resumed by the flow's timer (a
     * page step takes seconds; a crash between two steps, or a step lost to poison, leaves it waiting).
     */
    @WithDefault("PT10M")
    Duration stallAfter();

    /**
     * Container of the snapshots runs read from DMF exports. A legal entity's snapshot is deleted when the run
     * is done with it; what a crash left is deleted with its run.
     */
    @WithDefault("bridge-sync-snapshots")
    String snapshotContainer();

    /** Runs (their summaries and progress) are kept this long, then deleted by housekeeping. */
    @WithDefault("P30D")
    Duration runRetention();
}
