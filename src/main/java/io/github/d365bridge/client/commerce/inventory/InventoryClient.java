package io.github.d365bridge.client.commerce.inventory;

import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;

/**
 * Stock: MSI source items (multi-source stores) or the legacy stock item (single source). Saving
 * thousands of source items in one call takes minutes on real stores: callers batch in the low hundreds.
 */
public final class InventoryClient {

    /** More rows than this in one call risk the request timeout on real stores. */
    public static final int MAX_SOURCE_ITEMS_PER_CALL = 500;

    private final CommerceHttp http;
    private final String store;

    public InventoryClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** {@code POST /V1/inventory/source-items}; answers {@code []}. Validation failures are 400 with {@code errors}. */
    public void saveSourceItems(List<SourceItem> items) {
        if (items.isEmpty()) {
            return;
        }
        if (items.size() > MAX_SOURCE_ITEMS_PER_CALL) {
            throw new IllegalArgumentException(items.size() + " source items in one call; split into batches of at most "
                    + MAX_SOURCE_ITEMS_PER_CALL);
        }
        String record = items.size() == 1 ? items.get(0).sku() + "@" + items.get(0).sourceCode()
                : items.size() + " source items from SKU " + items.get(0).sku();
        http.execute(CommerceRequest.of("POST", store, "inventory/source-items", "source-items.save").upsert()
                .record(record)
                .json(Map.of("sourceItems", items)), CommerceAnswers.emptyArray());
    }

    /** {@code GET /V1/stockItems/{sku}}: the product's legacy stock item (its {@code item_id} addresses updates). */
    public StockItem stockItem(String sku) {
        return http.execute(CommerceRequest.of("GET", store, CommerceRequest.path("stockItems/{}", sku), "stock-items.get")
                .record(sku), CommerceAnswers.as(StockItem.class));
    }

    /** {@code PUT /V1/products/{sku}/stockItems/{itemId}}; returns the stock item id Commerce answers. */
    public long updateStockItem(String sku, long itemId, StockItem stock) {
        return http.execute(CommerceRequest.of("PUT", store, CommerceRequest.path("products/{}/stockItems/{}", sku, itemId),
                "stock-items.update").record(sku).json(Map.of("stockItem", stock)), CommerceAnswers.id());
    }
}
