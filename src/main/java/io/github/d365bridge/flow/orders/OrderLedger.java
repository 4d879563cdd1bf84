package io.github.d365bridge.flow.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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

import io.github.d365bridge.storage.ConcurrentUpdateException;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.storage.TableKeyCodec;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order ledger in Table storage (layout: {@link LedgerRows}). Every step reads an entry, decides, and
 * writes back only if nobody changed the order meanwhile, so duplicates from webhooks, events, polling or
 * queue redelivery never advance an order twice. Each query reads the index rows of what it asks for, in
 * each order partition, so its cost follows the orders it returns, not the size of the ledger.
 *
 * <p>Orders written back more than {@link #ROLL_UP_LAG} ago leave the ledger table for its archive table
 * (the same name with {@value #ARCHIVE_SUFFIX}, the same partitions and rows): {@link #rollUp} moves them
 * and counts them in their partition's totals, in the transaction that deletes them. So the ledger table
 * holds only the orders on their way, the failed ones and the last minutes' write-backs, whatever the
 * store's history; what the hot paths read and what the status view counts stays that small, and the
 * archive is read by key only (de-duplication, look-ups) and by the retention sweep.
 */
@ApplicationScoped
public class OrderLedger {

    /** The archive table's name is the ledger table's with this after it. */
    public static final String ARCHIVE_SUFFIX = "Archive";

    private static final int PAGE = 1000;
    /** An entity group transaction holds at most 100 writes. */
    private static final int MAX_TRANSACTION = 100;
    /** Orders moved per transaction: two rows each (record and {@code w|} row), and the totals row. */
    private static final int MOVE_GROUP = (MAX_TRANSACTION - 1) / 2;

    private final StateTable table;
    private final StateTable archive;
    private final LedgerStores stores;

    @Inject
    public OrderLedger(StorageAccount storage, @ConfigProperty(name = "bridge.orders.ledger-table",
            defaultValue = "BridgeOrderLedger") String tableName) {
        this.table = new StateTable(storage, tableName);
        this.archive = new StateTable(storage, tableName + ARCHIVE_SUFFIX);
        this.stores = new LedgerStores(table);
    }

    /**
     * Records a newly seen order; false (and nothing written) when the ledger already knows it — the
     * usual case for a duplicate delivery. The source is the one of the first signal handled, so the
     * ledger tells how often webhooks or events came through and how often only the poll found an order.
     * An order already archived is recorded again here; {@link #finishedBefore} tells it apart.
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

    /**
     * For an order {@code received} (just recorded, or found RECEIVED): its archived entry if it was written
     * back before and moved to the archive, in which case the new record is deleted again (if unchanged) and
     * the signal is a duplicate; empty for an order not seen before. One point read per new order. Moving
     * archives an order before it deletes it from the ledger table, so an order recorded again after that
     * delete is always found here.
     */
    public Optional<LedgerEntry> finishedBefore(LedgerEntry received) {
        Optional<LedgerEntry> archived = archived(received.key());
        archived.ifPresent(done -> table.transact(deletions(received, LedgerRows.partition(received.key()))));
        return archived;
    }

    /** The order's entry: from the ledger table, else from the archive. */
    public Optional<LedgerEntry> find(OrderKey key) {
        return findUnarchived(key).or(() -> archived(key));
    }

    /**
     * The order's entry if it is in the ledger table: on its way, failed, or written back too recently to be
     * archived. One point read; for a caller asking whether an order still needs something, which an archived
     * order never does.
     */
    public Optional<LedgerEntry> findUnarchived(OrderKey key) {
        return table.get(LedgerRows.partition(key), LedgerRows.record(key)).map(LedgerRows::entry);
    }

    private Optional<LedgerEntry> archived(OrderKey key) {
        return archive.get(LedgerRows.archivePartition(key), LedgerRows.record(key)).map(LedgerRows::entry);
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

    /**
     * Orders in a state (for the operator's list, replay and reconciliation); streamed, not held. Written-back
     * orders: those still in the ledger table, then the archived ones, each oldest first.
     */
    public Stream<LedgerEntry> inState(OrderState state) {
        if (state == OrderState.WRITTEN_BACK) {
            return Stream.concat(rows(LedgerRows.WRITTEN_BACK), archived(LedgerRows.WRITTEN_BACK));
        }
        return rows(LedgerRows.stateRow(state, null));
    }

    /** Orders in {@code state} unchanged since before {@code before}: what the reconciler looks at. */
    public Stream<LedgerEntry> inStateSince(OrderState state, Instant before) {
        return switch (state) {
            case WRITTEN_BACK -> Stream.concat(rows(LedgerRows.WRITTEN_BACK, LedgerRows.WRITTEN_BACK
                    + LedgerRows.millis(before)), archived(LedgerRows.WRITTEN_BACK, LedgerRows.WRITTEN_BACK
                            + LedgerRows.millis(before)));
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
     * Orders by state and by source: the unfinished, failed and recently written-back ones counted from their
     * index rows, the archived ones from each partition's totals. One query per partition: the rows from
     * {@code s|} to {@code w|} are exactly those.
     */
    public LedgerCounts counts() {
        Map<OrderState, Long> byState = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            byState.put(state, 0L);
        }
        Map<String, Long> bySource = new TreeMap<>();
        for (String partition : stores.partitions()) {
            try (Stream<TableEntity> rows = table.query(LedgerRows.range(partition, LedgerRows.STATE,
                    LedgerRows.WRITTEN_BACK.substring(0, 1) + LedgerRows.RANGE_END), PAGE,
                    List.of("RowKey", "Source", "WrittenBack", "BySource"))) {
                for (TableEntity row : (Iterable<TableEntity>) rows::iterator) {
                    String key = row.getRowKey();
                    if (key.equals(LedgerRows.TOTALS_ROW)) {
                        LedgerTotals totals = LedgerTotals.of(row);
                        byState.merge(OrderState.WRITTEN_BACK, totals.writtenBack(), Long::sum);
                        totals.bySource().forEach((source, n) -> bySource.merge(source, n, Long::sum));
                        continue;
                    }
                    OrderState state = key.startsWith(LedgerRows.WRITTEN_BACK) ? OrderState.WRITTEN_BACK
                            : LedgerRows.stateOfRow(key);
                    byState.merge(state, 1L, Long::sum);
                    bySource.merge(LedgerTotals.sourceOf(row.getProperty("Source") instanceof String s ? s : null),
                            1L, Long::sum);
                }
            }
        }
        return new LedgerCounts(byState, bySource);
    }

    /**
     * How long a written-back order stays in the ledger table before {@link #rollUp} archives it: the
     * write-back itself saves the order in Commerce, whose webhook comes back within seconds, and a duplicate
     * that finds the order in the ledger table costs one failed insert instead of an archive look-up.
     */
    public static final java.time.Duration ROLL_UP_LAG = java.time.Duration.ofMinutes(10);

    /** {@link #rollUp(Instant)} up to {@link #ROLL_UP_LAG} ago. */
    public long rollUp() {
        return rollUp(Instant.now().minus(ROLL_UP_LAG));
    }

    /**
     * Moves the orders written back before {@code upTo} to the archive and counts them in their partition's
     * totals, so neither the status view nor any query of the ledger table reads them again. Each group is
     * first written to the archive (upserts: a crash before the next write leaves it in both tables, and the
     * next roll-up moves it again), then deleted from the ledger table in one transaction with the totals'
     * update, conditional on both. Safe on several instances: a lost race leaves that partition to the winner.
     *
     * @return how many orders were moved
     */
    public long rollUp(Instant upTo) {
        long moved = 0;
        for (String partition : stores.partitions()) {
            moved += moveWrittenBack(partition, upTo);
        }
        return moved;
    }

    private long moveWrittenBack(String partition, Instant before) {
        String filter = LedgerRows.range(partition, LedgerRows.WRITTEN_BACK,
                LedgerRows.WRITTEN_BACK + LedgerRows.millis(before));
        long moved = 0;
        while (true) {
            List<LedgerEntry> group;
            try (Stream<TableEntity> rows = table.query(filter, MOVE_GROUP, null)) {
                group = rows.limit(MOVE_GROUP).map(LedgerRows::entry).toList();
            }
            if (group.isEmpty()) {
                return moved;
            }
            Map<String, List<TableTransactionAction>> copies = new TreeMap<>();
            for (LedgerEntry entry : group) {
                String archived = LedgerRows.archivePartition(entry.key());
                Set<String> index = LedgerRows.indexRows(entry);
                List<TableTransactionAction> rows = copies.computeIfAbsent(archived, p -> new ArrayList<>());
                rows.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE,
                        LedgerRows.row(archived, LedgerRows.record(entry.key()), entry, index)));
                index.forEach(row -> rows.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE,
                        LedgerRows.row(archived, row, entry, index))));
            }
            for (List<TableTransactionAction> rows : copies.values()) {
                if (archive.transact(rows) != StateTable.Transaction.APPLIED) {
                    throw new IllegalStateException("Archiving written-back orders of " + partition + " was refused");
                }
            }
            Optional<TableEntity> stored = table.get(partition, LedgerRows.TOTALS_ROW);
            TableEntity totals = stored.map(LedgerTotals::of).orElse(LedgerTotals.NONE).plus(group).row(partition);
            List<TableTransactionAction> out = new ArrayList<>();
            group.forEach(entry -> out.addAll(deletions(entry, partition)));
            if (stored.isPresent()) {
                totals.addProperty("odata.etag", stored.get().getETag());
                out.add(new TableTransactionAction(TableTransactionActionType.UPDATE_REPLACE, totals, true));
            } else {
                out.add(new TableTransactionAction(TableTransactionActionType.CREATE, totals));
            }
            if (table.transact(out) != StateTable.Transaction.APPLIED) {
                return moved; // another instance moved (and counted) them meanwhile
            }
            moved += group.size();
            if (group.size() < MOVE_GROUP) {
                return moved;
            }
        }
    }

    /**
     * Deletes finished orders past retention: archived ones written back before {@code writtenBackBefore} (the
     * totals keep their count), failed ones failed before {@code failedBefore}. Each order goes with all its
     * rows, only if unchanged since it was read. De-duplication of an order seen again after that rests on the
     * batcher's look-up in D365 before every package.
     *
     * @return how many orders were deleted (at most {@code limit})
     */
    public int deleteFinished(Instant writtenBackBefore, Instant failedBefore, int limit) {
        int deleted = 0;
        for (String partition : stores.archivePartitions()) {
            if (deleted >= limit) {
                return deleted;
            }
            deleted += deleteRows(archive, partition, LedgerRows.WRITTEN_BACK,
                    LedgerRows.WRITTEN_BACK + LedgerRows.millis(writtenBackBefore), limit - deleted);
        }
        String failed = LedgerRows.stateRow(OrderState.FAILED, null);
        for (String partition : stores.partitions()) {
            if (deleted >= limit) {
                return deleted;
            }
            deleted += deleteRows(table, partition, failed + LedgerRows.newestFirst(failedBefore),
                    failed.substring(0, failed.length() - 1) + LedgerRows.RANGE_END, limit - deleted);
        }
        return deleted;
    }

    private int deleteRows(StateTable from, String partition, String first, String to, int limit) {
        List<LedgerEntry> expired;
        try (Stream<TableEntity> rows = from.query(LedgerRows.range(partition, first, to), Math.min(PAGE, limit), null)) {
            expired = rows.limit(limit).map(LedgerRows::entry).toList();
        }
        int deleted = 0;
        List<LedgerEntry> group = new ArrayList<>();
        int writes = 0;
        for (LedgerEntry entry : expired) {
            int rows = 1 + LedgerVersion.parse(entry.etag()).indexRows().size();
            if (writes + rows > MAX_TRANSACTION) {
                deleted += deleteGroup(from, partition, group);
                group.clear();
                writes = 0;
            }
            group.add(entry);
            writes += rows;
        }
        return deleted + deleteGroup(from, partition, group);
    }

    /** One transaction for the group; if an order in it changed meanwhile, each order alone. */
    private static int deleteGroup(StateTable from, String partition, List<LedgerEntry> group) {
        if (group.isEmpty()) {
            return 0;
        }
        List<TableTransactionAction> all = new ArrayList<>();
        group.forEach(entry -> all.addAll(deletions(entry, partition)));
        if (from.transact(all) == StateTable.Transaction.APPLIED) {
            return group.size();
        }
        int deleted = 0;
        for (LedgerEntry entry : group) {
            if (from.transact(deletions(entry, partition)) == StateTable.Transaction.APPLIED) {
                deleted++;
            }
        }
        return deleted;
    }

    /** Deletes of every row of {@code entry} in {@code partition}, conditional on the row it was read from. */
    private static List<TableTransactionAction> deletions(LedgerEntry entry, String partition) {
        LedgerVersion read = LedgerVersion.parse(entry.etag());
        Set<String> rows = new LinkedHashSet<>();
        rows.add(LedgerRows.record(entry.key()));
        rows.addAll(read.indexRows());
        List<TableTransactionAction> actions = new ArrayList<>();
        rows.forEach(row -> actions.add(write(TableTransactionActionType.DELETE, new TableEntity(partition, row), read)));
        return actions;
    }

    /** Rows of the ledger table starting with {@code prefix}, in every order partition, one after the other. */
    private Stream<LedgerEntry> rows(String prefix) {
        return stores.partitions().stream()
                .flatMap(p -> table.query(LedgerRows.prefix(p, prefix), PAGE, null))
                .map(LedgerRows::entry);
    }

    /** Rows of the ledger table from {@code from} (inclusive) to {@code to} (exclusive), in every order partition. */
    private Stream<LedgerEntry> rows(String from, String to) {
        return stores.partitions().stream()
                .flatMap(p -> table.query(LedgerRows.range(p, from, to), PAGE, null))
                .map(LedgerRows::entry);
    }

    /** The same in the archive's partitions. */
    private Stream<LedgerEntry> archived(String prefix) {
        return stores.archivePartitions().stream()
                .flatMap(p -> archive.query(LedgerRows.prefix(p, prefix), PAGE, null))
                .map(LedgerRows::entry);
    }

    private Stream<LedgerEntry> archived(String from, String to) {
        return stores.archivePartitions().stream()
                .flatMap(p -> archive.query(LedgerRows.range(p, from, to), PAGE, null))
                .map(LedgerRows::entry);
    }
}
