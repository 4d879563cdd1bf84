package io.github.d365bridge.flow.sync;

/**
 * A source whose pages come from a snapshot each run makes of a legal entity first (a DMF export spooled to
 * blobs), because reading D365 directly is too slow or not possible for it. The engine asks for the snapshot
 * ({@link #prepare}); whoever builds it reports back through {@link SyncEngine#snapshotEnded}.
 */
public interface SyncSnapshot {

    /** What became of a request to prepare. */
    enum Preparation {
        /** Preparing (or prepared already): its end is reported, nothing more to do now. */
        UNDER_WAY,
        /** Could not start now (the D365 data project is busy with another job): ask again later. */
        BUSY
    }

    /**
     * Starts, or follows again, the snapshot of one legal entity for one run. Idempotent: a second call with
     * the same attempt finds the first one's work instead of starting it twice.
     *
     * @param attempt 1 for the first snapshot of this run, higher after one that failed or never started
     */
    Preparation prepare(String runId, String legalEntity, int attempt);

    /** Deletes what the snapshot holds once the run is done with the legal entity (idempotent). */
    void discard(String runId, String legalEntity);

    /** How a snapshot ended. */
    record Outcome(boolean ready, boolean complete, long records, String reason) {

        /** Ready with every record, or ({@code complete} false) with only part of them. */
        public static Outcome ready(boolean complete, long records, String reason) {
            return new Outcome(true, complete, records, reason);
        }

        /** Nothing to read: the snapshot failed (or never started) for {@code reason}. */
        public static Outcome failed(String reason) {
            return new Outcome(false, false, 0, reason);
        }
    }
}
