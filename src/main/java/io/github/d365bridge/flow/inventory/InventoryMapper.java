package io.github.d365bridge.flow.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.d365.entities.WarehouseOnHandV2;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncRecord;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.InventorySyncMapping;
import io.github.d365bridge.mapping.ItemMapping;
import io.github.d365bridge.mapping.ProductDimensions;

/**
 * One on-hand row (item, dimensions, site, warehouse) → the stock of one SKU at one Commerce source. The SKU is the
 * catalog's (item number, or the variant SKU for a row with dimensions), the source the profile's for the
 * warehouse; a warehouse the profile does not list is skipped with that reason. Quantity: the profile's D365
 * quantity, less the source's safety stock, rounded down to whole units unless told otherwise, never below 0;
 * in stock while above 0, or always when the store takes backorders.
 */
final class InventoryMapper implements SyncMapper<WarehouseOnHandV2> {

    static final String SOURCE_ITEM = "sourceItem";
    static final String STOCK_ITEM = "stockItem";
    /** The scope of skipped rows, and of a single-source store's stock item. */
    static final String DEFAULT_SOURCE = "default";

    private final InventorySyncMapping sync;
    private final ItemMapping.SkuNames skus;

    InventoryMapper(InventorySyncMapping sync, ItemMapping items) {
        this.sync = sync;
        this.skus = items.skuNames();
    }

    @Override
    public List<SyncRecord> map(String legalEntity, WarehouseOnHandV2 row) {
        String key = OnHandKey.of(row);
        boolean single = sync.target() == InventorySyncMapping.Target.STOCK_ITEMS;
        String type = single ? STOCK_ITEM : SOURCE_ITEM;
        Optional<String> source = sync.sourceOf(legalEntity, row.inventorySiteId(), row.inventoryWarehouseId());
        if (source.isEmpty()) {
            return List.of(SyncRecord.skipped(key, DEFAULT_SOURCE, type, "warehouse " + InventorySyncMapping.warehouseKey(
                    legalEntity, row.inventorySiteId(), row.inventoryWarehouseId()) + " is not in inventorySync.sources"));
        }
        ProductDimensions dimensions = OnHandKey.dimensions(row);
        Optional<String> sku = dimensions.equals(ProductDimensions.NONE) ? skus.sku(row.itemNumber())
                : skus.variantSku(row.itemNumber(), dimensions);
        String scope = single ? DEFAULT_SOURCE : source.get();
        if (sku.isEmpty()) {
            return List.of(SyncRecord.skipped(key, scope, type, "no SKU: " + skus.whyNoSku(row.itemNumber())));
        }
        BigDecimal quantity = quantity(row, source.get());
        boolean inStock = quantity.signum() > 0 || sync.backorders();
        ObjectNode payload = Json.mapper().createObjectNode().put("sku", sku.get());
        if (single) {
            payload.put("qty", quantity).put("is_in_stock", inStock);
        } else {
            payload.put("source_code", source.get()).put("quantity", quantity).put("status", inStock ? 1 : 0);
        }
        return List.of(SyncRecord.write(key, scope, type, payload));
    }

    private BigDecimal quantity(WarehouseOnHandV2 row, String source) {
        BigDecimal d365 = switch (sync.quantity()) {
            case AVAILABLE -> row.availableOnHandQuantity();
            case ON_HAND -> row.onHandQuantity();
            case TOTAL_AVAILABLE -> row.totalAvailableQuantity();
        };
        BigDecimal quantity = (d365 == null ? BigDecimal.ZERO : d365)
                .subtract(sync.safetyStock().getOrDefault(source, BigDecimal.ZERO));
        if (sync.wholeUnits()) {
            quantity = quantity.setScale(0, RoundingMode.FLOOR);
        }
        return quantity.signum() < 0 ? BigDecimal.ZERO : quantity.stripTrailingZeros();
    }
}
