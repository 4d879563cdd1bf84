package io.github.d365bridge.flow.housekeeping;

/**
 * Something that grows with every message or record and must be trimmed: claim-check blobs, finished
 * state records, mapped orders, DMF job records, package files. Each store that keeps such data
 * contributes one target bean. A sweep finds what expired by a key, name or tag that orders it by time,
 * so its cost follows what expires, never what is kept.
 */
public interface SweepTarget {

    /** Stable name carried in the sweep message. */
    String name();

    /**
     * Deals with at most {@code limit} expired items: deletes them, or keeps one that is still needed and
     * marks it to be looked at again later. Returns how many it dealt with; a full batch means more may wait.
     */
    int sweep(int limit);
}
