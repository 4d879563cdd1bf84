package io.github.d365bridge.flow.orders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.github.d365bridge.storage.ConcurrentUpdateException;
import io.github.d365bridge.storage.Json;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.storage.TableKeyCodec;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order ledger in Table storage (layout: {@link LedgerRows}). Every step reads an entry, decides, and
 * writes back only if nobody changed the order meanwhile, so duplicates from webhooks, events, polling or
 * queue redelivery never advance an order twice. Each query reads the index rows of what it asks for, in
 * each order partition, so its cost follows the orders it returns, not the size of the ledger; the status
 * counts read the unfinished and failed orders and those written back since the last {@link #rollUp}.
 */
@ApplicationScoped
public class OrderLedger {

    private static final int PAGE = 1000;
    /** An entity group transaction holds at most 100 writes. */
    private static final int MAX_TRANSACTION = 100;
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final StateTable table;
    private final LedgerStores stores;

    @Inject
    public OrderLedger(StorageAccount storage, @ConfigProperty(name = "bridge.orders.ledger-table",
            defaultValue = "BridgeOrderLedger") String tableName) {
        this.table = new StateTable(storage, tableName);
        this.stores = new LedgerStores(table);
    }

    /**
     * Records a newly seen order; false (and nothing written) when the ledger already knows it — the
     * usual case for a duplicate delivery. The source is the one of the first signal handled, so the
     * ledger tells how often webhooks or events came through and how often only the poll found an order.
     *
     * @param source {@code webhook}, {@code io-event} or {@code poll}
     */
    public boolean insertReceived(OrderKey key, Long commerceEntityId, String correlationId, String source) {
        stores.register(TableKeyCodec.encode(key.storeCode()));
        LedgerEntry entry = new LedgerEntry(key, OrderState.RECEIVED, null, commerceEntityId, correlationId, source,
                null, null, null, 0, 0, null, Instant.now(), null);
        Set<String> index = LedgerRows.indexRows(entry);
        List<TableTransactionAction> actions = new ArrayList<>();
        actions.add(new TableTransactionAction(TableTransactionActionType.CREATE,
                LedgerRows.row(LedgerRows.record(key), entry, index)));
        index.forEach(row -> actions.add(new TableTransactionAction(TableTransactionActionType.CREATE,
                LedgerRows.row(row, entry, index))));
        return switch (table.transact(actions)) {
            case APPLIED -> true;
            case EXISTS -> false;
            case CHANGED -> throw new IllegalStateException("Creating order " + key + " met a condition it has none of");
        };
    }

    public Optional<LedgerEntry> find(OrderKey key) {
        return table.get(LedgerRows.partition(key), LedgerRows.record(key)).map(LedgerRows::entry);
    }

    /**
     * Writes {@code entry} (with its index rows, in one transaction) if the row it was read from is unchanged.
     *
     * @throws ConcurrentUpdateException when another worker got there first
     */
    public void update(LedgerEntry entry) {
        LedgerVersion read = LedgerVersion.parse(entry.etag());
        String record = LedgerRows.record(entry.key());
        Set<String> index = LedgerRows.indexRows(entry);
        List<TableTransactionAction> actions = new ArrayList<>();
        actions.add(write(TableTransactionActionType.UPDATE_REPLACE, LedgerRows.row(record, entry, index), read));
        for (String old : read.indexRows()) {
            if (!index.contains(old)) {
                actions.add(write(TableTransactionActionType.DELETE,
                        new TableEntity(LedgerRows.partition(entry.key()), old), read));
            }
        }
        for (String row : index) {
            actions.add(write(read.indexRows().contains(row) ? TableTransactionActionType.UPDATE_REPLACE
                    : TableTransactionActionType.UPSERT_REPLACE, LedgerRows.row(row, entry, index), read));
        }
        if (table.transact(actions) != StateTable.Transaction.APPLIED) {
            throw new ConcurrentUpdateException(table.name(), LedgerRows.partition(entry.key()), read.row());
        }
    }

    /** Conditional on the ETag for the row the entry was read from; a plain "must exist" for its other rows. */
    private static TableTransactionAction write(TableTransactionActionType type, TableEntity row, LedgerVersion read) {
        boolean readRow = row.getRowKey().equals(read.row());
        if (readRow) {
            row.addProperty("odata.etag", read.etag());
        }
        return new TableTransactionAction(type, row, readRow);
    }

    /** Orders in a state (for the status view, replay and reconciliation); streamed, not held. */
    public Stream<LedgerEntry> inState(OrderState state) {
        return rows(state == OrderState.WRITTEN_BACK ? LedgerRows.WRITTEN_BACK : LedgerRows.stateRow(state, null));
    }

    /** Orders in {@code state} unchanged since before {@code before}: what the reconciler looks at. */
    public Stream<LedgerEntry> inStateSince(OrderState state, Instant before) {
        return switch (state) {
            case WRITTEN_BACK -> rows(LedgerRows.WRITTEN_BACK, LedgerRows.WRITTEN_BACK + LedgerRows.millis(before));
            case MAPPED, FAILED -> inState(state).filter(e -> e.updatedAt().isBefore(before));
            default -> rows(LedgerRows.stateRow(state, null),
                    LedgerRows.stateRow(state, null) + LedgerRows.millis(before));
        };
    }

    /** The unfinished orders packaged into one DMF batch. */
    public Stream<LedgerEntry> inBatch(String batchId) {
        return rows(LedgerRows.batchPrefix(batchId)).filter(e -> batchId.equals(e.batchId()));
    }

    /** Mapped orders waiting to be packaged for one legal entity. */
    public Stream<LedgerEntry> mappedFor(String legalEntity) {
        return rows(LedgerRows.stateRow(OrderState.MAPPED, LedgerRows.legalEntityPart(legalEntity)))
                .filter(e -> legalEntity.equals(e.legalEntity()));
    }

    /** The {@code limit} most recently failed orders, newest first (at most {@code limit} read per partition). */
    public List<LedgerEntry> recentlyFailed(int limit) {
        String prefix = LedgerRows.stateRow(OrderState.FAILED, null);
        List<LedgerEntry> newest = new ArrayList<>();
        for (String partition : stores.partitions()) {
            try (Stream<TableEntity> rows = table.query(LedgerRows.prefix(partition, prefix), limit, null)) {
                rows.limit(limit).map(LedgerRows::entry).forEach(newest::add);
            }
        }
        return newest.stream().sorted(Comparator.comparing(LedgerEntry::updatedAt).reversed()).limit(limit).toList();
    }

    /** How many orders are in each state. */
    public Map<OrderState, Long> countsByState() {
        return counts().byState();
    }

    /**
     * Orders by state and by source: the unfinished and failed ones counted from their index rows, the written
     * back ones from each partition's roll-up plus those written back after it. Two queries per partition.
     */
    public LedgerCounts counts() {
        Map<OrderState, Long> byState = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            byState.put(state, 0L);
        }
        Map<String, Long> bySource = new TreeMap<>();
        for (String partition : stores.partitions()) {
            Totals totals = Totals.NONE;
            try (Stream<TableEntity> rows = table.query(LedgerRows.range(partition, LedgerRows.STATE,
                    LedgerRows.TOTALS_ROW + LedgerRows.RANGE_END), PAGE, List.of("RowKey", "Source", "RolledThrough",
                            "WrittenBack", "BySource"))) {
                for (TableEntity row : (Iterable<TableEntity>) rows::iterator) {
                    if (row.getRowKey().equals(LedgerRows.TOTALS_ROW)) {
                        totals = Totals.of(row);
                    } else {
                        byState.merge(LedgerRows.stateOfRow(row.getRowKey()), 1L, Long::sum);
                        bySource.merge(sourceOf(row), 1L, Long::sum);
                    }
                }
            }
            byState.merge(OrderState.WRITTEN_BACK, totals.writtenBack(), Long::sum);
            totals.bySource().forEach((source, n) -> bySource.merge(source, n, Long::sum));
            try (Stream<TableEntity> rows = table.query(LedgerRows.range(partition,
                    LedgerRows.WRITTEN_BACK + LedgerRows.millis(totals.rolledThrough()),
                    LedgerRows.WRITTEN_BACK.substring(0, 1) + LedgerRows.RANGE_END), PAGE, List.of("RowKey", "Source"))) {
                rows.forEach(row -> {
                    byState.merge(OrderState.WRITTEN_BACK, 1L, Long::sum);
                    bySource.merge(sourceOf(row), 1L, Long::sum);
                });
            }
        }
        return new LedgerCounts(byState, bySource);
    }

    /**
     * How far behind the clock a roll-up stays: an order's write-back time is taken when its step decides, and
     * its write lands a request later; an order counted after it is written by no roll-up is still counted by
     * the status view from its own row.
     */
    public static final java.time.Duration ROLL_UP_LAG = java.time.Duration.ofMinutes(10);

    /** {@link #rollUp(Instant)} up to {@link #ROLL_UP_LAG} ago. */
    public long rollUp() {
        return rollUp(Instant.now().minus(ROLL_UP_LAG));
    }

    /**
     * Adds the orders written back before {@code upTo} (at most now) and not yet counted to each partition's totals, so
     * the status view need not read them again. Safe to run on several instances: a partition's totals move
     * on with a conditional write, and a lost race leaves that partition to the winner.
     *
     * @return how many written-back orders were added to the totals
     */
    public long rollUp(Instant upTo) {
        // never ahead of the clock: an order written back later with an earlier time would be counted by nobody
        Instant now = Instant.now();
        Instant before = upTo.isAfter(now) ? now : upTo;
        long counted = 0;
        for (String partition : stores.partitions()) {
            Optional<TableEntity> stored = table.get(partition, LedgerRows.TOTALS_ROW);
            Totals totals = stored.map(Totals::of).orElse(Totals.NONE);
            if (!totals.rolledThrough().isBefore(before)) {
                continue;
            }
            Map<String, Long> bySource = new HashMap<>(totals.bySource());
            long[] added = {0};
            try (Stream<TableEntity> rows = table.query(LedgerRows.range(partition,
                    LedgerRows.WRITTEN_BACK + LedgerRows.millis(totals.rolledThrough()),
                    LedgerRows.WRITTEN_BACK + LedgerRows.millis(before)), PAGE, List.of("RowKey", "Source"))) {
                rows.forEach(row -> {
                    bySource.merge(sourceOf(row), 1L, Long::sum);
                    added[0]++;
                });
            }
            TableEntity next = new Totals(before, totals.writtenBack() + added[0], bySource).row(partition);
            try {
                if (stored.isPresent()) {
                    next.addProperty("odata.etag", stored.get().getETag());
                    table.replaceIfUnchanged(next);
                } else if (!table.insertIfAbsent(next)) {
                    continue;
                }
                counted += added[0];
            } catch (ConcurrentUpdateException anotherInstanceRolledUp) {
                // its totals stand; this one's count is dropped with it
            }
        }
        return counted;
    }

    /**
     * Deletes finished orders past retention: written back before {@code writtenBackBefore} (and already counted
     * by a roll-up, so the totals keep them), failed before {@code failedBefore}. Each order goes with all its
     * rows, only if unchanged since it was read. De-duplication of an order seen again after that rests on the
     * batcher's look-up in D365 before every package.
     *
     * @return how many orders were deleted (at most {@code limit})
     */
    public int deleteFinished(Instant writtenBackBefore, Instant failedBefore, int limit) {
        int deleted = 0;
        String failed = LedgerRows.stateRow(OrderState.FAILED, null);
        for (String partition : stores.partitions()) {
            if (deleted >= limit) {
                break;
            }
            Instant counted = table.get(partition, LedgerRows.TOTALS_ROW).map(Totals::of).orElse(Totals.NONE)
                    .rolledThrough();
            Instant doneBefore = counted.isBefore(writtenBackBefore) ? counted : writtenBackBefore;
            deleted += deleteRows(partition, LedgerRows.WRITTEN_BACK,
                    LedgerRows.WRITTEN_BACK + LedgerRows.millis(doneBefore), limit - deleted);
            if (deleted < limit) {
                deleted += deleteRows(partition, failed + LedgerRows.newestFirst(failedBefore),
                        failed.substring(0, failed.length() - 1) + LedgerRows.RANGE_END, limit - deleted);
            }
        }
        return deleted;
    }

    private int deleteRows(String partition, String from, String to, int limit) {
        List<LedgerEntry> expired;
        try (Stream<TableEntity> rows = table.query(LedgerRows.range(partition, from, to), Math.min(PAGE, limit), null)) {
            expired = rows.limit(limit).map(LedgerRows::entry).toList();
        }
        int deleted = 0;
        List<LedgerEntry> group = new ArrayList<>();
        int writes = 0;
        for (LedgerEntry entry : expired) {
            int rows = 1 + LedgerVersion.parse(entry.etag()).indexRows().size();
            if (writes + rows > MAX_TRANSACTION) {
                deleted += deleteGroup(group);
                group.clear();
                writes = 0;
            }
            group.add(entry);
            writes += rows;
        }
        return deleted + deleteGroup(group);
    }

    /** One transaction for the group; if an order in it changed meanwhile, each order alone. */
    private int deleteGroup(List<LedgerEntry> group) {
        if (group.isEmpty()) {
            return 0;
        }
        List<TableTransactionAction> all = new ArrayList<>();
        group.forEach(entry -> all.addAll(deletions(entry)));
        if (table.transact(all) == StateTable.Transaction.APPLIED) {
            return group.size();
        }
        int deleted = 0;
        for (LedgerEntry entry : group) {
            if (table.transact(deletions(entry)) == StateTable.Transaction.APPLIED) {
                deleted++;
            }
        }
        return deleted;
    }

    private static List<TableTransactionAction> deletions(LedgerEntry entry) {
        LedgerVersion read = LedgerVersion.parse(entry.etag());
        String partition = LedgerRows.partition(entry.key());
        Set<String> rows = new LinkedHashSet<>();
        rows.add(LedgerRows.record(entry.key()));
        rows.addAll(read.indexRows());
        List<TableTransactionAction> actions = new ArrayList<>();
        rows.forEach(row -> actions.add(write(TableTransactionActionType.DELETE, new TableEntity(partition, row), read)));
        return actions;
    }

    /** Rows starting with {@code prefix}, in every order partition, one partition after the other. */
    private Stream<LedgerEntry> rows(String prefix) {
        return stores.partitions().stream()
                .flatMap(p -> table.query(LedgerRows.prefix(p, prefix), PAGE, null))
                .map(LedgerRows::entry);
    }

    /** Rows from {@code from} (inclusive) to {@code to} (exclusive), in every order partition. */
    private Stream<LedgerEntry> rows(String from, String to) {
        return stores.partitions().stream()
                .flatMap(p -> table.query(LedgerRows.range(p, from, to), PAGE, null))
                .map(LedgerRows::entry);
    }

    private static String sourceOf(TableEntity row) {
        return row.getProperty("Source") instanceof String s ? s : LedgerCounts.UNKNOWN_SOURCE;
    }

    /** A partition's roll-up: written-back orders counted up to {@code rolledThrough}. */
    private record Totals(Instant rolledThrough, long writtenBack, Map<String, Long> bySource) {

        static final Totals NONE = new Totals(Instant.EPOCH, 0, Map.of());

        static Totals of(TableEntity row) {
            Object through = row.getProperty("RolledThrough");
            Object count = row.getProperty("WrittenBack");
            Object sources = row.getProperty("BySource");
            Map<String, Long> bySource = Map.of();
            if (sources instanceof String json) {
                try {
                    bySource = Json.mapper().readValue(json, COUNTS);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Ledger totals of " + row.getPartitionKey() + " are not readable", e);
                }
            }
            return new Totals(through instanceof OffsetDateTime odt ? odt.toInstant() : Instant.EPOCH,
                    count instanceof Number n ? n.longValue() : 0, bySource);
        }

        TableEntity row(String partition) {
            TableEntity row = new TableEntity(partition, LedgerRows.TOTALS_ROW);
            row.addProperty("RolledThrough", OffsetDateTime.ofInstant(rolledThrough, ZoneOffset.UTC));
            row.addProperty("WrittenBack", writtenBack);
            try {
                row.addProperty("BySource", Json.mapper().writeValueAsString(new TreeMap<>(bySource)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return row;
        }
    }
}
