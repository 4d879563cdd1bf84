package io.github.d365bridge.flow.housekeeping;

/**
 * Something that grows with every message or record and must be trimmed: claim-check blobs, finished
 * state records. Each store that keeps such data contributes one target bean.
 */
public interface SweepTarget {

    /** Stable name carried in the sweep message. */
    String name();

    /** Deletes at most {@code limit} expired items; returns how many it deleted. */
    int sweep(int limit);
}
