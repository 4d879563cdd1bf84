package io.github.d365bridge.flow.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;

import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.storage.TableKeyCodec;

/**
 * A ledger's history written straight to its tables, in the layout the ledger writes (the same rows an order
 * has after its last step), fast enough for hundreds of thousands of orders: up to 50 orders per transaction,
 * several partitions at once. For tests and benchmarks that need a ledger the size of a real store's.
 */
public final class LedgerHistory {

    private static final int ORDERS_PER_TRANSACTION = 50;

    private LedgerHistory() {
    }

    /**
     * Writes {@code count} written-back orders of {@code store} (increment ids {@code H000000001}…) to the ledger
     * table, as they are before a roll-up archives them, finished at times spread evenly over {@code [from, to)};
     * nine in ten came by webhook, the others by the poll.
     */
    public static void writtenBack(StorageAccount storage, String tableName, String store, String legalEntity,
            int count, Instant from, Instant to, int threads) {
        writtenBackFrom(storage, tableName, store, legalEntity, 1, count, from, to, threads);
    }

    /** The same, with increment ids starting at {@code H<first>}. */
    public static void writtenBackFrom(StorageAccount storage, String tableName, String store, String legalEntity,
            int first, int count, Instant from, Instant to, int threads) {
        StateTable table = new StateTable(storage, tableName);
        register(table, store);
        write(table, orders(store, legalEntity, first, count, from, to), false, threads);
    }

    /**
     * The same orders as archived by roll-ups long since: in the archive table, and counted in the ledger
     * table's totals of their partitions.
     */
    public static void archived(StorageAccount storage, String tableName, String store, String legalEntity,
            int count, Instant from, Instant to, int threads) {
        StateTable table = new StateTable(storage, tableName);
        register(table, store);
        List<LedgerEntry> orders = orders(store, legalEntity, 1, count, from, to);
        write(new StateTable(storage, tableName + OrderLedger.ARCHIVE_SUFFIX), orders, true, threads);
        Map<String, List<LedgerEntry>> byPartition = new HashMap<>();
        orders.forEach(o -> byPartition.computeIfAbsent(LedgerRows.partition(o.key()), p -> new ArrayList<>()).add(o));
        byPartition.forEach((partition, moved) -> {
            LedgerTotals before = table.get(partition, LedgerRows.TOTALS_ROW).map(LedgerTotals::of)
                    .orElse(LedgerTotals.NONE);
            table.upsert(before.plus(moved).row(partition));
        });
    }

    /**
     * Only the archive's copies of orders {@link #writtenBack} wrote: what a roll-up leaves when it dies after
     * archiving a group and before deleting it from the ledger table.
     */
    public static void copiedToArchive(StorageAccount storage, String tableName, String store, String legalEntity,
            int count, Instant from, Instant to, int threads) {
        write(new StateTable(storage, tableName + OrderLedger.ARCHIVE_SUFFIX),
                orders(store, legalEntity, 1, count, from, to), true, threads);
    }

    private static void register(StateTable table, String store) {
        table.insertIfAbsent(new TableEntity(LedgerRows.STORES_PARTITION, TableKeyCodec.encode(store)));
    }

    private static List<LedgerEntry> orders(String store, String legalEntity, int first, int count, Instant from,
            Instant to) {
        Duration step = Duration.between(from, to).dividedBy(Math.max(1, count));
        List<LedgerEntry> orders = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            OrderKey key = new OrderKey(store, String.format("H%09d", i));
            orders.add(new LedgerEntry(key, OrderState.WRITTEN_BACK, legalEntity, (long) i, "hist-" + i,
                    i % 10 == 0 ? "poll" : "webhook", "bhist" + (i / 100), "ehist" + (i / 100), "SO-H" + i, 0, 0, null,
                    from.plus(step.multipliedBy(i - first)), null));
        }
        return orders;
    }

    private static void write(StateTable table, List<LedgerEntry> orders, boolean archive, int threads) {
        Map<String, List<TableTransactionAction>> open = new HashMap<>();
        List<List<TableTransactionAction>> groups = new ArrayList<>();
        for (LedgerEntry entry : orders) {
            Set<String> index = LedgerRows.indexRows(entry);
            String partition = archive ? LedgerRows.archivePartition(entry.key()) : LedgerRows.partition(entry.key());
            List<TableTransactionAction> group = open.computeIfAbsent(partition, p -> new ArrayList<>());
            group.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE,
                    LedgerRows.row(partition, LedgerRows.record(entry.key()), entry, index)));
            index.forEach(row -> group.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE,
                    LedgerRows.row(partition, row, entry, index))));
            if (group.size() >= ORDERS_PER_TRANSACTION * (1 + index.size())) {
                groups.add(open.remove(partition));
            }
        }
        groups.addAll(open.values());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StateTable.Transaction>> written = new ArrayList<>();
            for (List<TableTransactionAction> group : groups) {
                written.add(pool.submit(() -> table.transact(group)));
            }
            for (Future<StateTable.Transaction> one : written) {
                if (one.get() != StateTable.Transaction.APPLIED) {
                    throw new IllegalStateException("a history transaction was refused: " + one.get());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("writing the ledger history failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
