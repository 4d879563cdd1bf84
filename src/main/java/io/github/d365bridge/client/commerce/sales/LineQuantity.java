package io.github.d365bridge.client.commerce.sales;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much of one order line an invoice or shipment covers ({@code {"order_item_id":3,"qty":1}}). */
public record LineQuantity(@JsonProperty("order_item_id") long orderItemId, BigDecimal qty) {
}
