package io.github.d365bridge.flow.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.WarehouseOnHandV2;
import io.github.d365bridge.client.d365.odata.ODataKey;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.sync.SyncSource;

/**
 * {@code WarehousesOnHandV2} of one legal entity over OData, paged by item: each page is the rows of the next
 * items after the last one read ({@code ItemNumber gt}, ordered by item). An item's rows (one per variant and
 * warehouse) are never split over two pages: when a page comes back full, the rows of its last item are left
 * for the next page, which starts at that item; an item with more rows than a page is read whole on its own.
 * So a page read again after a crash is the same page, and no cursor has to outlive a step. Or, with
 * {@code bridge.sync.inventory.source=dmf-export}, from a DMF export of the legal entity per run, which D365 serves
 * outside its OData service protection limits (the way to read 100,000s of rows every few minutes).
 */
final class InventorySource implements SyncSource<WarehouseOnHandV2> {

    static final String ITEM = "ItemNumber";
    private static final String[] KEY_FIELDS = {"ItemNumber", "ProductColorId", "ProductConfigurationId",
        "ProductSizeId", "ProductStyleId", "ProductVersionId", "InventorySiteId", "InventoryWarehouseId"};

    /** The package's columns of the key, in {@link OnHandKey}'s order. */
    static final List<String> KEY_COLUMNS = List.of("ITEMNUMBER", "PRODUCTCOLORID", "PRODUCTSIZEID", "PRODUCTSTYLEID",
            "PRODUCTCONFIGURATIONID", "PRODUCTVERSIONID", "INVENTORYSITEID", "INVENTORYWAREHOUSEID");

    private final D365Client d365;
    private final Optional<SyncSource<WarehouseOnHandV2>> export;

    /** @param export the DMF export source to read pages and keys from; empty: OData */
    InventorySource(D365Client d365, Optional<SyncSource<WarehouseOnHandV2>> export) {
        this.d365 = d365;
        this.export = export;
    }

    @Override
    public Page<WarehouseOnHandV2> read(PageRequest request) {
        if (export.isPresent()) {
            return export.get().read(request);
        }
        ODataQuery query = ODataQuery.all().company(request.legalEntity()).orderBy(ITEM).top(request.limit());
        if (request.after().isPresent()) {
            query = query.filter(ITEM + " gt " + ODataLiteral.string(OnHandKey.itemOf(request.after().get())));
        }
        List<WarehouseOnHandV2> rows;
        try (Stream<WarehouseOnHandV2> page = d365.odata().stream(WarehouseOnHandV2.ENTITY_SET, query,
                WarehouseOnHandV2.class)) {
            rows = new ArrayList<>(page.toList());
        }
        if (rows.size() < request.limit()) {
            return new Page<>(rows, Map.of(), true);
        }
        String lastItem = rows.get(rows.size() - 1).itemNumber();
        List<WarehouseOnHandV2> whole = rows.stream().filter(r -> !r.itemNumber().equals(lastItem)).toList();
        if (whole.isEmpty()) {
            return new Page<>(item(request.legalEntity(), lastItem), Map.of(), false);
        }
        return new Page<>(whole, Map.of(), false);
    }

    /** Every row of one item (its variants in every warehouse). */
    private List<WarehouseOnHandV2> item(String legalEntity, String itemNumber) {
        try (Stream<WarehouseOnHandV2> rows = d365.odata().stream(WarehouseOnHandV2.ENTITY_SET, ODataQuery.all()
                .company(legalEntity).filter(ITEM + " eq " + ODataLiteral.string(itemNumber)), WarehouseOnHandV2.class)) {
            return rows.toList();
        }
    }

    @Override
    public Optional<WarehouseOnHandV2> readOne(String legalEntity, String key) {
        Optional<OnHandKey.Parts> parts = OnHandKey.parse(key);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        OnHandKey.Parts p = parts.get();
        return d365.odata().get(WarehouseOnHandV2.ENTITY_SET, ODataKey.of("dataAreaId", legalEntity,
                "ItemNumber", p.itemNumber(), "ProductColorId", p.dimensions().color(),
                "ProductConfigurationId", p.dimensions().configuration(), "ProductSizeId", p.dimensions().size(),
                "ProductStyleId", p.dimensions().style(), "ProductVersionId", p.dimensions().version(),
                "InventorySiteId", p.site(), "InventoryWarehouseId", p.warehouse()), WarehouseOnHandV2.class);
    }

    @Override
    public Stream<String> keys(String runId, String legalEntity) {
        if (export.isPresent()) {
            return export.get().keys(runId, legalEntity);
        }
        return d365.odata().stream(WarehouseOnHandV2.ENTITY_SET, ODataQuery.all().company(legalEntity)
                .select(KEY_FIELDS), WarehouseOnHandV2.class).map(OnHandKey::of);
    }

    @Override
    public Optional<io.github.d365bridge.flow.sync.SyncSnapshot> snapshot() {
        return export.flatMap(SyncSource::snapshot);
    }

    @Override
    public String keyOf(WarehouseOnHandV2 record) {
        return OnHandKey.of(record);
    }
}
