package io.github.d365bridge.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.client.core.Redactor;
import io.github.d365bridge.config.StorageConfig;

/**
 * Why each poisoned message ended where it did. Partition = queue, row = the poison copy's message id,
 * so a poison message can always be matched with its reason; entries are marked finished once
 * replayed.
 */
@ApplicationScoped
public class FailureLog {

    private static final String HELD_BLOB = "HeldPayloadBlob";
    private static final String HELD_ETAG = "HeldPayloadEtag";

    private final StateTable table;

    @Inject
    public FailureLog(StorageAccount storage, StorageConfig config) {
        this.table = new StateTable(storage, config.failuresTable());
    }

    public void record(FailureRecord failure) {
        record(failure, Optional.empty());
    }

    /** @param held the claim-check body kept for the poisoned message, released when this entry is deleted */
    public void record(FailureRecord failure, Optional<HeldPayload> held) {
        TableEntity entity = new TableEntity(failure.queue(), failure.poisonMessageId());
        held.ifPresent(h -> entity.addProperty(HELD_BLOB, h.blobName()).addProperty(HELD_ETAG, h.etag()));
        put(entity, "OriginalMessageId", failure.originalMessageId());
        put(entity, "Reason", Redactor.truncate(Redactor.redact(failure.reason()), 16_000));
        put(entity, "MessageType", failure.messageType());
        put(entity, "CorrelationId", failure.correlationId());
        put(entity, "BusinessKey", failure.businessKey());
        put(entity, "DequeueCount", failure.dequeueCount());
        put(entity, "FailedAt", OffsetDateTime.ofInstant(failure.failedAt(), ZoneOffset.UTC));
        put(entity, "Finished", false);
        table.upsert(entity);
    }

    /** Marks the entry as dealt with (replayed); housekeeping deletes it after the retention period. */
    public void markFinished(String queue, String poisonMessageId) {
        table.get(queue, poisonMessageId).ifPresent(entity -> {
            entity.addProperty("Finished", true);
            table.upsert(entity);
        });
    }

    /** Open failures, newest first. */
    public List<FailureRecord> open(int limit) {
        return table.query("Finished eq false", 1000, null)
                .map(FailureLog::toRecord)
                .sorted(Comparator.comparing(FailureRecord::failedAt).reversed())
                .limit(limit)
                .collect(Collectors.toList());
    }

    /**
     * Up to {@code limit} finished entries older than {@code cutoff}, each with the claim-check body held for
     * it, if any.
     */
    public List<FinishedFailure> finishedBefore(Instant cutoff, int limit) {
        String filter = "Finished eq true and Timestamp lt datetime'" + cutoff + "'";
        return table.query(filter, Math.min(limit, 1000), List.of("PartitionKey", "RowKey", HELD_BLOB, HELD_ETAG))
                .limit(limit).map(e -> new FinishedFailure(e.getPartitionKey(), e.getRowKey(),
                        Optional.ofNullable((String) e.getProperty(HELD_BLOB))
                                .map(blob -> new HeldPayload(blob, (String) e.getProperty(HELD_ETAG)))))
                .collect(Collectors.toList());
    }

    public void delete(FinishedFailure failure) {
        table.delete(failure.queue(), failure.poisonMessageId());
    }

    /** A finished entry as the sweep needs it: its keys and the body held for its message. */
    public record FinishedFailure(String queue, String poisonMessageId, Optional<HeldPayload> held) {
    }

    private static void put(TableEntity entity, String name, Object value) {
        if (value != null) {
            entity.addProperty(name, value);
        }
    }

    private static FailureRecord toRecord(TableEntity e) {
        Object failedAt = e.getProperty("FailedAt");
        Instant when = failedAt instanceof OffsetDateTime odt ? odt.toInstant() : Instant.EPOCH;
        Object count = e.getProperty("DequeueCount");
        return new FailureRecord(e.getPartitionKey(), e.getRowKey(), (String) e.getProperty("OriginalMessageId"),
                (String) e.getProperty("MessageType"),
                (String) e.getProperty("CorrelationId"), (String) e.getProperty("BusinessKey"),
                count instanceof Number n ? n.longValue() : 0L, (String) e.getProperty("Reason"), when);
    }
}
