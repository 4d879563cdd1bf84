package io.github.d365bridge.flow.sync;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a sync reads its records, one legal entity at a time, in pages a step can handle within its time
 * limit. A page is named by the run, its number and the key it continues after, so a step repeated after a
 * crash reads the same page again and a run resumes where it stopped, with nothing held in memory between
 * steps. A source that reads D365 directly (OData) pages by key; one that reads a snapshot its run prepared
 * first (a DMF export) says so with {@link #snapshot()} and pages by number.
 *
 * @param <R> the source record
 */
public interface SyncSource<R> {

    /** One page of one legal entity. */
    Page<R> read(PageRequest request);

    /** One record by its key, read from D365 now, for a run scoped to one record. */
    Optional<R> readOne(String legalEntity, String key);

    /**
     * Every key of the legal entity as the run read it, streamed (only the keys): finds removed records.
     * Called only after the last page, and only when the run read the whole legal entity.
     */
    Stream<String> keys(String runId, String legalEntity);

    String keyOf(R record);

    /** What a run must prepare before its first page; empty for a source read directly. */
    default Optional<SyncSnapshot> snapshot() {
        return Optional.empty();
    }

    /**
     * @param page  0-based page number of this legal entity in this run
     * @param after the key of the last record of the page before (empty for the first page)
     * @param limit records per page
     */
    record PageRequest(String runId, String legalEntity, int page, Optional<String> after, int limit) {
    }

    /**
     * @param unreadable key to reason, for rows of this page that could not be read as records (a cell that
     *                   does not fit its type): each fails alone, with the reason, and is kept, not removed
     * @param last       no page follows this one
     */
    record Page<R>(List<R> records, java.util.Map<String, String> unreadable, boolean last) {

        public Page {
            records = List.copyOf(records);
            unreadable = java.util.Map.copyOf(unreadable);
        }

        /** A page read by key: it is the last one when it came back short. */
        public static <R> Page<R> byKey(List<R> records, int limit) {
            return new Page<>(records, java.util.Map.of(), records.size() < limit);
        }
    }
}
