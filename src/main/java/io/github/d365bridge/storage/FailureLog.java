package io.github.d365bridge.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.ground.Redactor;
import io.github.d365bridge.config.StorageConfig;

/**
 * Why each poisoned message ended where it did. Partition = queue, row = the poison copy's message id,
 * so a poison message can always be matched with its reason; entries are marked finished once
 * replayed.
 * <p>
 * A finished entry also gets a row in the partition of the day it was finished ({@code ~finished-yyyy-MM-dd};
 * queue names hold no '~'), carrying its keys and the body held for it, written before the entry is marked:
 * housekeeping reads the expired days by a key range, at a cost that follows what expires, not the open
 * failures it keeps.
 * <p>
 * An open entry has a row in the partition {@value #OPEN} (row = failure time, newest first, queue and message
 * id), written before the entry and deleted after it is marked finished: the newest open failures are the
 * first rows of that one partition, whatever the retention keeps. The entry decides: a row whose entry was
 * finished meanwhile (a crash before the delete) is dropped by the next reader, one whose entry is not there
 * (a write in progress, or one that died before it) is skipped, and dropped once it is an hour old.
 */
@ApplicationScoped
public class FailureLog {

    private static final String HELD_BLOB = "HeldPayloadBlob";
    private static final String HELD_ETAG = "HeldPayloadEtag";
    static final String FINISHED_PREFIX = "~finished-";
    static final String OPEN = "~open";
    private static final long NEWEST_FIRST = 9_999_999_999_999_999L;
    /** Far longer than a write takes from its index row to its entry. */
    private static final java.time.Duration ORPHAN_AFTER = java.time.Duration.ofHours(1);

    private final StateTable table;

    @Inject
    public FailureLog(StorageAccount storage, StorageConfig config) {
        this(storage, config.failuresTable());
    }

    public FailureLog(StorageAccount storage, String tableName) {
        this.table = new StateTable(storage, tableName);
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
        table.upsert(openRow(failure.queue(), failure.poisonMessageId(), failure.failedAt()));
        table.upsert(entity);
    }

    /** Marks the entry as dealt with (replayed); housekeeping deletes it after the retention period. */
    public void markFinished(String queue, String poisonMessageId) {
        table.get(queue, poisonMessageId).ifPresent(entity -> {
            TableEntity index = new TableEntity(FINISHED_PREFIX + LocalDate.now(ZoneOffset.UTC),
                    TableKeyCodec.encode(queue) + "|" + TableKeyCodec.encode(poisonMessageId))
                    .addProperty("Queue", queue).addProperty("PoisonMessageId", poisonMessageId);
            copy(entity, index, HELD_BLOB);
            copy(entity, index, HELD_ETAG);
            table.upsert(index);
            entity.addProperty("Finished", true);
            table.upsert(entity);
            table.delete(OPEN, openRow(queue, poisonMessageId, toRecord(entity).failedAt()).getRowKey());
        });
    }

    /** Open failures, newest first: the first rows of the open index, each checked against its entry. */
    public List<FailureRecord> open(int limit) {
        List<FailureRecord> open = new java.util.ArrayList<>();
        try (java.util.stream.Stream<TableEntity> rows = table.query("PartitionKey eq '" + OPEN + "'",
                Math.min(1000, limit), null)) {
            java.util.Iterator<TableEntity> it = rows.iterator();
            while (open.size() < limit && it.hasNext()) {
                TableEntity row = it.next();
                String queue = (String) row.getProperty("Queue");
                String id = (String) row.getProperty("PoisonMessageId");
                Optional<TableEntity> entry = table.get(queue, id);
                if (entry.isPresent() && !Boolean.TRUE.equals(entry.get().getProperty("Finished"))) {
                    FailureRecord record = toRecord(entry.get());
                    if (openRow(queue, id, record.failedAt()).getRowKey().equals(row.getRowKey())) {
                        open.add(record);
                        continue;
                    }
                }
                if (entry.isPresent() || isOrphan(row)) {
                    table.delete(OPEN, row.getRowKey()); // finished, or recorded again at another time
                }
            }
        }
        return open;
    }

    private static boolean isOrphan(TableEntity row) {
        OffsetDateTime written = row.getTimestamp();
        return written != null && written.toInstant().isBefore(Instant.now().minus(ORPHAN_AFTER));
    }

    private static TableEntity openRow(String queue, String poisonMessageId, Instant failedAt) {
        String newestFirst = String.format("%016d", NEWEST_FIRST - Math.max(0, failedAt.toEpochMilli()));
        return new TableEntity(OPEN, newestFirst + "|" + TableKeyCodec.encode(queue) + "|"
                + TableKeyCodec.encode(poisonMessageId)).addProperty("Queue", queue)
                .addProperty("PoisonMessageId", poisonMessageId);
    }

    /**
     * Up to {@code limit} entries finished on a day before {@code day}, oldest day first, each with the
     * claim-check body held for it, if any.
     */
    public List<FinishedFailure> finishedBefore(LocalDate day, int limit) {
        String filter = "PartitionKey ge '" + FINISHED_PREFIX + "' and PartitionKey lt '" + FINISHED_PREFIX + day + "'";
        return table.query(filter, Math.min(limit, 1000), null).limit(limit)
                .map(e -> new FinishedFailure(e.getPartitionKey(), e.getRowKey(), (String) e.getProperty("Queue"),
                        (String) e.getProperty("PoisonMessageId"), Optional.ofNullable((String) e.getProperty(HELD_BLOB))
                                .map(blob -> new HeldPayload(blob, (String) e.getProperty(HELD_ETAG)))))
                .collect(Collectors.toList());
    }

    /** Deletes the entry, then its index row (an index row left by a crash is found again, and deleting is idempotent). */
    public void delete(FinishedFailure failure) {
        table.delete(failure.queue(), failure.poisonMessageId());
        table.delete(failure.indexPartition(), failure.indexRow());
    }

    /** A finished entry as the sweep needs it: its keys and the body held for its message. */
    public record FinishedFailure(String indexPartition, String indexRow, String queue, String poisonMessageId,
            Optional<HeldPayload> held) {
    }

    private static void copy(TableEntity from, TableEntity to, String property) {
        put(to, property, from.getProperty(property));
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
