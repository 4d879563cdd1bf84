package io.github.d365bridge.flow.orders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.ground.Redactor;
import io.github.d365bridge.storage.TableKeyCodec;

/**
 * Where an order lives in the ledger table, and the index rows that let every step find the orders it
 * needs without reading the others.
 *
 * <p>Partition: {@code <store>|<shard>} (shard 00–03 from the increment id), so one store's load is spread
 * over {@value #SHARDS} partitions and every row of one order shares a partition: the order's record and
 * its index rows change together in one entity group transaction, never apart. Rows in a partition:
 * <ul>
 * <li>{@code o|<increment id>}: the order's record (point reads, de-duplication);</li>
 * <li>{@code s|<state>|<sort>|<increment id>}: one per order in every state but WRITTEN_BACK. The sort part
 * is the legal entity for MAPPED (the batcher reads one company), the time of the last change, newest first,
 * for FAILED (the failed list), and that time, oldest first, for the open states (the reconciler reads
 * only the stale ones);</li>
 * <li>{@code w|<time written back>|<increment id>}: for written-back orders, oldest first (the roll-up that
 * archives them; in the archive table, where they keep both rows, retention);</li>
 * <li>{@code b|<batch>|<increment id>}: while an unfinished order is in a DMF batch (the outcome reads one
 * batch).</li>
 * <li>{@code t|}: the partition's {@link LedgerTotals}, the count of the orders archived from it.</li>
 * </ul>
 * Each index row is a full copy of the record, so a query answers with entries ready to act on; and each
 * write rewrites or deletes every row of the order, so a write made from any copy conflicts with a
 * concurrent write made from any other.
 */
final class LedgerRows {

    /** Fixed for the life of a ledger: changing it would move orders to partitions nobody reads. */
    static final int SHARDS = 4;
    /**
     * Shards of a store in the archive table, fixed like {@link #SHARDS}. The archive holds a retention's worth
     * of orders (a quarter of a million for a store of 3,000 a day), so it is cut finer: a partition stays a few
     * thousand orders, which keeps a partition server's share (and the emulator's per-partition key look-up)
     * small. The cost is one archive write per partition a roll-up's group touches, and one query per
     * partition for the daily retention sweep.
     */
    static final int ARCHIVE_SHARDS = 64;
    /** Partition of the store registry (no order partition looks like it: those end in {@code |<shard>}). */
    static final String STORES_PARTITION = "stores";
    /** Row of a partition's {@link LedgerTotals}; between the {@code s|} and {@code w|} rows, which the status view reads with it. */
    static final String TOTALS_ROW = "t|";

    static final String RECORD = "o|";
    static final String STATE = "s|";
    static final String WRITTEN_BACK = "w|";
    static final String BATCH = "b|";
    /** Between the index rows' separators and what follows every prefix range ('|' + 1). */
    static final String RANGE_END = "}";

    private static final long NEWEST_FIRST = 9_999_999_999_999_999L;
    /** Table keys cannot hold '/', so no row name contains it. */
    private static final char LIST_SEPARATOR = '/';

    private LedgerRows() {
    }

    static String partition(OrderKey key) {
        return partition(TableKeyCodec.encode(key.storeCode()), shard(key.incrementId()));
    }

    static String partition(String encodedStore, int shard) {
        return encodedStore + "|" + (shard < 10 ? "0" : "") + shard;
    }

    /** The order's partition in the archive table: {@code <store>|a<shard 00-63>}. */
    static String archivePartition(OrderKey key) {
        return archivePartition(TableKeyCodec.encode(key.storeCode()), crc(key.incrementId()) % ARCHIVE_SHARDS);
    }

    static String archivePartition(String encodedStore, long shard) {
        return encodedStore + "|a" + (shard < 10 ? "0" : "") + shard;
    }

    static String record(OrderKey key) {
        return RECORD + TableKeyCodec.encode(key.incrementId());
    }

    private static int shard(String incrementId) {
        return (int) (crc(incrementId) % SHARDS);
    }

    private static long crc(String incrementId) {
        CRC32 crc = new CRC32();
        crc.update(incrementId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The index rows {@code entry} has when stored: a function of the entry alone. */
    static Set<String> indexRows(LedgerEntry entry) {
        Set<String> rows = new LinkedHashSet<>();
        String increment = TableKeyCodec.encode(entry.key().incrementId());
        Instant changed = entry.updatedAt();
        if (entry.state() == OrderState.WRITTEN_BACK) {
            rows.add(WRITTEN_BACK + millis(changed) + "|" + increment);
        } else {
            rows.add(stateRow(entry.state(), switch (entry.state()) {
                case MAPPED -> legalEntityPart(entry.legalEntity());
                case FAILED -> newestFirst(changed);
                default -> millis(changed);
            }) + increment);
            if (entry.batchId() != null) {
                rows.add(BATCH + TableKeyCodec.encode(entry.batchId()) + "|" + increment);
            }
        }
        return rows;
    }

    /** The start of a state's rows, or of one sort value's rows within it. */
    static String stateRow(OrderState state, String sort) {
        return STATE + state.name() + "|" + (sort == null ? "" : sort + "|");
    }

    static String legalEntityPart(String legalEntity) {
        return legalEntity == null ? "" : TableKeyCodec.encode(legalEntity).replace("|", "%7C");
    }

    static String batchPrefix(String batchId) {
        return BATCH + TableKeyCodec.encode(batchId) + "|";
    }

    /** Sixteen digits: text order is time order for any date this software will see. */
    static String millis(Instant at) {
        return String.format("%016d", Math.max(0, at.toEpochMilli()));
    }

    static String newestFirst(Instant at) {
        return String.format("%016d", NEWEST_FIRST - Math.max(0, at.toEpochMilli()));
    }

    /** The filter of rows {@code from} (inclusive) to {@code to} (exclusive) in one partition. */
    static String range(String partition, String from, String to) {
        return "PartitionKey eq '" + quote(partition) + "' and RowKey ge '" + quote(from) + "' and RowKey lt '"
                + quote(to) + "'";
    }

    /** The filter of every row starting with {@code prefix} in one partition. */
    static String prefix(String partition, String prefix) {
        return range(partition, prefix, prefix.substring(0, prefix.length() - 1) + RANGE_END);
    }

    static String quote(String value) {
        return value.replace("'", "''");
    }

    /** One row of the order (record or index), carrying the whole entry and the list of its index rows. */
    static TableEntity row(String row, LedgerEntry entry, Set<String> indexRows) {
        return row(partition(entry.key()), row, entry, indexRows);
    }

    /** The same row in {@code partition} (the archive's). */
    static TableEntity row(String partition, String row, LedgerEntry entry, Set<String> indexRows) {
        TableEntity entity = new TableEntity(partition, row);
        put(entity, "StoreKey", TableKeyCodec.encode(entry.key().storeCode()));
        put(entity, "IncrementKey", TableKeyCodec.encode(entry.key().incrementId()));
        put(entity, "State", entry.state().name());
        put(entity, "LegalEntity", entry.legalEntity());
        put(entity, "CommerceEntityId", entry.commerceEntityId());
        put(entity, "CorrelationId", entry.correlationId());
        put(entity, "Source", entry.source());
        put(entity, "BatchId", entry.batchId());
        put(entity, "ExecutionId", entry.executionId());
        put(entity, "SalesOrderNumber", entry.salesOrderNumber());
        put(entity, "Attempts", entry.attempts());
        put(entity, "MaxBatch", entry.maxBatch());
        put(entity, "LastError", entry.lastError() == null ? null
                : Redactor.truncate(Redactor.redact(entry.lastError()), 16_000));
        put(entity, "UpdatedAt", OffsetDateTime.ofInstant(entry.updatedAt().truncatedTo(ChronoUnit.MILLIS),
                ZoneOffset.UTC));
        put(entity, "Finished", entry.state().isFinished());
        put(entity, "IndexRows", String.join(String.valueOf(LIST_SEPARATOR), indexRows));
        return entity;
    }

    /** The entry a row carries; its version names the row it was read from, so a write is conditional on it. */
    static LedgerEntry entry(TableEntity e) {
        Object updated = e.getProperty("UpdatedAt");
        Object attempts = e.getProperty("Attempts");
        Object maxBatch = e.getProperty("MaxBatch");
        Object entityId = e.getProperty("CommerceEntityId");
        OrderKey key = new OrderKey(TableKeyCodec.decode((String) e.getProperty("StoreKey")),
                TableKeyCodec.decode((String) e.getProperty("IncrementKey")));
        Object index = e.getProperty("IndexRows");
        List<String> indexRows = index instanceof String s && !s.isEmpty()
                ? Arrays.asList(s.split(String.valueOf(LIST_SEPARATOR))) : List.of();
        return new LedgerEntry(key,
                OrderState.valueOf((String) e.getProperty("State")), (String) e.getProperty("LegalEntity"),
                entityId instanceof Number n ? n.longValue() : null, (String) e.getProperty("CorrelationId"),
                (String) e.getProperty("Source"),
                (String) e.getProperty("BatchId"), (String) e.getProperty("ExecutionId"),
                (String) e.getProperty("SalesOrderNumber"), attempts instanceof Number n ? n.intValue() : 0,
                maxBatch instanceof Number m ? m.intValue() : 0,
                (String) e.getProperty("LastError"),
                updated instanceof OffsetDateTime odt ? odt.toInstant() : Instant.EPOCH,
                LedgerVersion.of(e.getRowKey(), e.getETag(), indexRows).token());
    }

    /** The state an {@code s|} row stands for (counting without reading the row's copy). */
    static OrderState stateOfRow(String row) {
        int end = row.indexOf('|', STATE.length());
        return OrderState.valueOf(row.substring(STATE.length(), end));
    }

    private static void put(TableEntity entity, String name, Object value) {
        if (value != null) {
            entity.addProperty(name, value);
        }
    }
}
