package io.github.d365bridge.sandbox.commerce.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

/**
 * The legacy CatalogInventory stock item with every field the contract marks required, filled with a
 * stock install's configuration defaults, so partial input ({@code qty}, {@code is_in_stock}) still
 * answers a complete item.
 */
final class StockItems {

    private StockItems() {
    }

    static JsonNode full(JsonNode input, int itemId) {
        ObjectNode item = Json.mapper().createObjectNode();
        item.put("item_id", itemId).put("product_id", itemId).put("stock_id", 1)
                .put("qty", 0).put("is_in_stock", false).put("is_qty_decimal", false)
                .put("show_default_notification_message", false).put("use_config_min_qty", true).put("min_qty", 0)
                .put("use_config_min_sale_qty", 1).put("min_sale_qty", 1).put("use_config_max_sale_qty", true)
                .put("max_sale_qty", 10000).put("use_config_backorders", true).put("backorders", 0)
                .put("use_config_notify_stock_qty", true).put("notify_stock_qty", 1).put("use_config_qty_increments", true)
                .put("qty_increments", 0).put("use_config_enable_qty_inc", true).put("enable_qty_increments", false)
                .put("use_config_manage_stock", true).put("manage_stock", true).put("low_stock_date", "")
                .put("is_decimal_divided", false).put("stock_status_changed_auto", 0);
        if (input instanceof ObjectNode given) {
            item.setAll(given.deepCopy());
        }
        item.put("item_id", itemId).put("product_id", itemId);
        return item;
    }
}
