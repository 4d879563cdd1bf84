package io.github.d365bridge.flow.sync;

import java.util.List;

/**
 * Maps one source record to what is written per target scope (or skipped, with the reason). Pure: no
 * calls, no state, so a record maps the same on every run and its hash only moves with its content.
 *
 * @param <R> the source record
 */
public interface SyncMapper<R> {

    List<SyncRecord> map(String legalEntity, R record);
}
