package io.github.d365bridge.flow.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.inventory.StockItem;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.WarehouseOnHandV2;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.sync.SyncFlow;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncSource;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.flow.sync.SyncWriter;
import io.github.d365bridge.flow.sync.export.DmfExportSource;
import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.mapping.InventorySyncMapping;
import io.github.d365bridge.mapping.MappingProfile;

/**
 * On-hand stock, D365 → Commerce, on the sync engine: {@code WarehousesOnHandV2} of every legal entity the
 * profile's {@code inventorySync} lists, one record per row (item, dimensions, site, warehouse), written as the
 * MSI source item of the warehouse's source, or as a single-source store's stock item. Only rows whose quantity or
 * status changed are written; a row gone from D365 sets its source item out of stock at 0.
 */
public final class InventorySyncFlow implements SyncFlow<WarehouseOnHandV2> {

    public static final String NAME = "inventory";

    private final Supplier<D365Client> d365;
    private final Supplier<CommerceClient> commerce;
    private final InventorySyncMapping sync;
    private final InventoryMapper mapper;
    private final int pageSize;
    private final int chunkSize;
    private final Optional<Export> export;
    private volatile SyncSource<WarehouseOnHandV2> source;
    private volatile SyncWriter writer;

    /**
     * Full runs read a DMF export of this data project instead of OData.
     *
     * @param definitionGroup the export data project in F&amp;O holding the entity {@code Warehouses on-hand V2}
     */
    public record Export(String definitionGroup, Supplier<DmfJobSupervisor> supervisor, SnapshotStore snapshots) {
    }

    /** A flow that reads OData. */
    public InventorySyncFlow(Supplier<D365Client> d365, Supplier<CommerceClient> commerce, MappingProfile profile,
            int pageSize, int chunkSize) {
        this(d365, commerce, profile, pageSize, chunkSize, Optional.empty());
    }

    public InventorySyncFlow(Supplier<D365Client> d365, Supplier<CommerceClient> commerce, MappingProfile profile,
            int pageSize, int chunkSize, Optional<Export> export) {
        this.export = export;
        this.d365 = d365;
        this.commerce = commerce;
        this.sync = profile.inventorySync();
        this.mapper = new InventoryMapper(sync, profile.items());
        this.pageSize = pageSize;
        this.chunkSize = chunkSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> legalEntities() {
        return sync.legalEntities();
    }

    @Override
    public SyncSource<WarehouseOnHandV2> source() {
        if (source == null) {
            D365Client client = d365.get();
            InventorySource odata = new InventorySource(client, Optional.empty());
            Optional<SyncSource<WarehouseOnHandV2>> rows = export.map(e -> new DmfExportSource<>(new DmfExportSource.Spec<>(
                    NAME, e.definitionGroup(), "Warehouses on-hand V2", InventorySource.KEY_COLUMNS,
                    WarehouseOnHandV2.class, OnHandKey::of, pageSize), e.supervisor(), e.snapshots(), odata::readOne));
            source = new InventorySource(client, rows);
        }
        return source;
    }

    @Override
    public SyncMapper<WarehouseOnHandV2> mapper() {
        return mapper;
    }

    @Override
    public SyncWriter writer() {
        if (writer == null) {
            writer = new InventoryWriter(commerce.get().inventory(), chunkSize);
        }
        return writer;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    /**
     * A row gone from D365 (the item left the warehouse for good, or the variant was removed): what the store
     * still shows for it is set to 0 and out of stock, so nothing is sold against stock D365 no longer has.
     */
    @Override
    public String removed(String legalEntity, SyncStateStore.Stored stored, boolean dryRun) {
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, String> target : stored.targetIds().entrySet()) {
            String scope = target.getKey();
            String sku = target.getValue();
            if (sku == null || sku.isEmpty()) {
                continue;
            }
            if (!dryRun) {
                if (sync.target() == InventorySyncMapping.Target.STOCK_ITEMS) {
                    StockItem current = commerce.get().inventory().stockItem(sku);
                    commerce.get().inventory().updateStockItem(sku, current.itemId(), StockItem.of(java.math.BigDecimal.ZERO,
                            false));
                } else {
                    commerce.get().inventory().saveSourceItems(List.of(InventoryWriter.outOfStock(sku, scope)));
                }
            }
            done.add(sku + "@" + scope + " set to 0, out of stock");
        }
        return done.isEmpty() ? "nothing in Commerce to set out of stock" : String.join(", ", done);
    }
}
