package io.github.d365bridge.sandbox.commerce.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.ground.Json;

/** One {@code sales_order_item} row with the quantity and amount columns Commerce fills at placement. */
final class OrderItems {

    private OrderItems() {
    }

    static ObjectNode row(CommerceSandboxData data, ObjectNode order, ObjectNode product, String sku, int qty, double price) {
        double rowTotal = Math.round(price * qty * 100) / 100.0;
        return Json.mapper().createObjectNode()
                .put("sku", sku).put("name", product.path("name").asText()).put("product_id", product.path("id").asInt())
                .put("product_type", product.path("type_id").asText()).put("store_id", order.get("store_id").asInt())
                .put("qty_ordered", qty).put("qty_invoiced", 0).put("qty_shipped", 0).put("qty_canceled", 0)
                .put("qty_refunded", 0).put("price", price).put("base_price", price).put("original_price", price)
                .put("base_original_price", price).put("row_total", rowTotal).put("base_row_total", rowTotal)
                .put("tax_amount", 0).put("base_tax_amount", 0).put("tax_percent", 0)
                .put("discount_amount", 0).put("base_discount_amount", 0).put("discount_percent", 0)
                .put("weight", product.path("weight").asDouble(1)).put("row_weight", product.path("weight").asDouble(1) * qty)
                .put("is_virtual", 0).put("is_qty_decimal", 0).put("no_discount", 0).put("free_shipping", 0)
                .put("created_at", data.now()).put("updated_at", data.now());
    }
}
