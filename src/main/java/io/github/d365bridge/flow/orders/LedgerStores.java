package io.github.d365bridge.flow.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.storage.StateTable;

/**
 * The stores the ledger has orders of, so a query can name each order partition instead of scanning the
 * table. A store is registered before its first order is written (so no order sits in a partition a reader
 * does not know), once per process; the registry is one small partition, read with one request.
 */
final class LedgerStores {

    private final StateTable table;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    LedgerStores(StateTable table) {
        this.table = table;
    }

    void register(String encodedStore) {
        if (registered.contains(encodedStore)) {
            return;
        }
        table.insertIfAbsent(new TableEntity(LedgerRows.STORES_PARTITION, encodedStore));
        registered.add(encodedStore);
    }

    /** Every order partition of the ledger table: each registered store times each shard. */
    List<String> partitions() {
        List<String> partitions = new ArrayList<>();
        stores().forEach(store -> {
            for (int shard = 0; shard < LedgerRows.SHARDS; shard++) {
                partitions.add(LedgerRows.partition(store, shard));
            }
        });
        return partitions;
    }

    /** Every partition of the archive table: each registered store times each archive shard. */
    List<String> archivePartitions() {
        List<String> partitions = new ArrayList<>();
        stores().forEach(store -> {
            for (int shard = 0; shard < LedgerRows.ARCHIVE_SHARDS; shard++) {
                partitions.add(LedgerRows.archivePartition(store, shard));
            }
        });
        return partitions;
    }

    private List<String> stores() {
        try (var rows = table.query("PartitionKey eq '" + LedgerRows.STORES_PARTITION + "'", 1000, List.of("RowKey"))) {
            return rows.map(TableEntity::getRowKey).toList();
        }
    }
}
