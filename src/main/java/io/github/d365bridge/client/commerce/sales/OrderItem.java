package io.github.d365bridge.client.commerce.sales;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An order line ({@code sales-data-order-item-interface}). A configurable product appears as a parent
 * row plus a child row whose {@code parent_item_id} names the parent: mappers must not count both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderItem(
        @JsonProperty("item_id") Long itemId,
        String sku,
        String name,
        @JsonProperty("product_type") String productType,
        @JsonProperty("parent_item_id") Long parentItemId,
        @JsonProperty("qty_ordered") BigDecimal qtyOrdered,
        @JsonProperty("qty_invoiced") BigDecimal qtyInvoiced,
        @JsonProperty("qty_shipped") BigDecimal qtyShipped,
        BigDecimal price,
        @JsonProperty("base_price") BigDecimal basePrice,
        @JsonProperty("row_total") BigDecimal rowTotal,
        @JsonProperty("tax_amount") BigDecimal taxAmount,
        @JsonProperty("discount_amount") BigDecimal discountAmount) {
}
