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
 * A ledger's history written straight to its table, in the layout the ledger writes (the same rows an order
 * has after its last step), fast enough for hundreds of thousands of orders: up to 50 orders per transaction,
 * several partitions at once. For tests and benchmarks that need a ledger the size of a real store's.
 */
public final class LedgerHistory {

    private static final int ORDERS_PER_TRANSACTION = 50;

    private LedgerHistory() {
    }

    /**
     * Writes {@code count} written-back orders of {@code store} (increment ids {@code H000000001}…), finished at
     * times spread evenly over {@code [from, to)}; nine in ten came by webhook, the others by the poll.
     */
    public static void writtenBack(StorageAccount storage, String tableName, String store, String legalEntity,
            int count, Instant from, Instant to, int threads) {
        writtenBackFrom(storage, tableName, store, legalEntity, 1, count, from, to, threads);
    }

    /** The same, with increment ids starting at {@code H<first>}. */
    public static void writtenBackFrom(StorageAccount storage, String tableName, String store, String legalEntity,
            int first, int count, Instant from, Instant to, int threads) {
        StateTable table = new StateTable(storage, tableName);
        table.insertIfAbsent(new TableEntity(LedgerRows.STORES_PARTITION, TableKeyCodec.encode(store)));
        Duration step = Duration.between(from, to).dividedBy(Math.max(1, count));
        Map<String, List<TableTransactionAction>> open = new HashMap<>();
        List<List<TableTransactionAction>> groups = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            OrderKey key = new OrderKey(store, String.format("H%09d", i));
            LedgerEntry entry = new LedgerEntry(key, OrderState.WRITTEN_BACK, legalEntity, (long) i, "hist-" + i,
                    i % 10 == 0 ? "poll" : "webhook", "bhist" + (i / 100), "ehist" + (i / 100), "SO-H" + i, 0, 0, null,
                    from.plus(step.multipliedBy(i - first)), null);
            Set<String> index = LedgerRows.indexRows(entry);
            List<TableTransactionAction> group = open.computeIfAbsent(LedgerRows.partition(key), p -> new ArrayList<>());
            group.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE,
                    LedgerRows.row(LedgerRows.record(key), entry, index)));
            index.forEach(row -> group.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE,
                    LedgerRows.row(row, entry, index))));
            if (group.size() >= ORDERS_PER_TRANSACTION * (1 + index.size())) {
                groups.add(open.remove(LedgerRows.partition(key)));
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
