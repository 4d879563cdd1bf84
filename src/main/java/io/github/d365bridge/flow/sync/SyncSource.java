package io.github.d365bridge.flow.sync;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a sync reads its records, one legal entity at a time, in pages a step can handle within its time
 * limit. Pages follow the source's key order and continue after the last key read, so a step repeated after
 * a crash reads the same page again and a run resumes where it stopped, with nothing held in memory between
 * steps.
 *
 * @param <R> the source record
 */
public interface SyncSource<R> {

    /** Up to {@code limit} records of {@code legalEntity} after {@code afterKey} (empty: from the start). */
    List<R> readAfter(String legalEntity, Optional<String> afterKey, int limit);

    /** One record by its key, for a run scoped to one record. */
    Optional<R> readOne(String legalEntity, String key);

    /** Every key of {@code legalEntity}, streamed (only the key fields are read): finds removed records. */
    Stream<String> keys(String legalEntity);

    String keyOf(R record);
}
