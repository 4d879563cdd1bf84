package io.github.d365bridge.sandbox.commerce.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Lets the seeder build the same complete stock items as the API without widening {@link StockItems}. */
public final class StockItemsAccess {

    private StockItemsAccess() {
    }

    public static JsonNode full(JsonNode input, int itemId) {
        return StockItems.full(input, itemId);
    }
}
