package io.github.d365bridge.flow.sync;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of a sync flow: every legal entity it covers, or one record of one of them.
 *
 * @param flow          the flow, e.g. {@code customers}
 * @param runId         sorts newest first ({@link SyncRunStore#newRunId})
 * @param legalEntities the companies the run reads
 * @param recordKey     a run scoped to one record (its key), or empty
 * @param dryRun        reports what would be written and removed, writes nothing
 * @param trigger       {@code timer} or {@code operator}
 */
public record SyncRun(String flow, String runId, List<String> legalEntities, Optional<String> recordKey, boolean dryRun,
        String trigger, Instant startedAt, Optional<Instant> finishedAt) {

    public SyncRun {
        legalEntities = List.copyOf(legalEntities);
    }
}
