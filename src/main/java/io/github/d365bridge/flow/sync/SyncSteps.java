package io.github.d365bridge.flow.sync;

/** How the engine hands on its next step: a small message on the sync queue (tests may run it in place). */
public interface SyncSteps {

    /** Prepare the snapshot of one legal entity ({@link SyncSnapshot}), after {@code delay}. */
    void prepare(String flow, String runId, String legalEntity, java.time.Duration delay);

    /** Read, compare and write page {@code page} (0-based) of one legal entity. */
    void page(String flow, String runId, String legalEntity, int page);

    /** Find the records of one legal entity gone from the source since they were written. */
    void removals(String flow, String runId, String legalEntity);
}
