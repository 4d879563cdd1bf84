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

/**
 * Sync runs (summary and progress per legal entity) go {@code bridge.sync.run-retention} after they started.
 * Run ids sort newest first, so the expired ones are the tail of each flow's partition, found by a key range;
 * the run in progress is never deleted, however old.
 */
@ApplicationScoped
public class SyncRunSweep implements SweepTarget {

    private final SyncRunStore runs;
    private final Supplier<List<String>> flows;
    private final Duration retention;
    private final Clock clock;

    @Inject
    public SyncRunSweep(SyncRunStore runs, SyncEngine engine, SyncConfig config) {
        this(runs, engine::flowNames, config.runRetention(), Clock.systemUTC());
    }

    public SyncRunSweep(SyncRunStore runs, Supplier<List<String>> flows, Duration retention, Clock clock) {
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
                    runs.delete(run);
                    handled++;
                }
            }
        }
        return handled;
    }
}
