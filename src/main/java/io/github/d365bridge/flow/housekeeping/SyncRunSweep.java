package io.github.d365bridge.flow.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.flow.sync.SyncConfig;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncRun;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.export.SnapshotStore;

/**
 * Sync runs (summary and progress per legal entity) go {@code bridge.sync.run-retention} after they started.
 * Run ids sort newest first, so the expired ones are the tail of each flow's partition, found by a key range;
 * the run in progress is never deleted, however old. A snapshot a crash left behind (normally each is deleted
 * as soon as its legal entity is done) goes with its run.
 */
@ApplicationScoped
public class SyncRunSweep implements SweepTarget {

    private final SyncRunStore runs;
    private final Supplier<List<String>> flows;
    private final Duration retention;
    private final Clock clock;
    private final SnapshotStore snapshots;

    @Inject
    public SyncRunSweep(SyncRunStore runs, SyncEngine engine, SyncConfig config, SnapshotStore snapshots) {
        this(runs, engine::flowNames, config.runRetention(), Clock.systemUTC(), snapshots);
    }

    /** @param snapshots where runs' export snapshots are; what a crash left of one goes with its run */
    public SyncRunSweep(SyncRunStore runs, Supplier<List<String>> flows, Duration retention, Clock clock,
            SnapshotStore snapshots) {
        this.snapshots = snapshots;
        this.runs = runs;
        this.flows = flows;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sync-runs";
    }

    @Override
    public int sweep(int limit) {
        int handled = 0;
        for (String flow : flows.get()) {
            Optional<String> current = runs.currentRunId(flow);
            List<SyncRun> expired = runs.startedBefore(flow, clock.instant().minus(retention), limit - handled);
            for (SyncRun run : expired) {
                // the run in progress stays, and is not counted: a batch of it alone must not ask for another
                if (current.filter(run.runId()::equals).isEmpty()) {
                    snapshots.delete(flow, run.runId(), null);
                    runs.delete(run);
                    handled++;
                }
            }
        }
        return handled;
    }
}
