package io.github.d365bridge.flow.sync;

import java.util.List;

/**
 * One D365 → Commerce flow on the sync engine: where its records come from, how they map, how they are
 * written, and what happens to a record gone from the source. Everything else (paging, change detection,
 * state, runs, retries, the operator endpoints) is the engine's.
 *
 * @param <R> the source record
 */
public interface SyncFlow<R> {

    /** The flow's name in messages, state and the operator endpoints, e.g. {@code customers}. */
    String name();

    /** The legal entities a full run reads. */
    List<String> legalEntities();

    SyncSource<R> source();

    SyncMapper<R> mapper();

    SyncWriter writer();

    /** Source records per step: one page is read, compared and written within one queue message. */
    int pageSize();

    /**
     * A record whose source is gone: the flow's rule (disable it, keep it, unassign it) applied, or only
     * described in a dry run; returns what was done, for the log and the run's counters. Never silent.
     */
    String removed(String legalEntity, SyncStateStore.Stored stored, boolean dryRun);
}
