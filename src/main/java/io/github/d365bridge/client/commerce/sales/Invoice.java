package io.github.d365bridge.client.commerce.sales;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An invoice as {@code GET /V1/invoices} lists it ({@code sales-data-invoice-interface}); state 1 open, 2 paid, 3 canceled. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Invoice(
        @JsonProperty("entity_id") Long entityId,
        @JsonProperty("increment_id") String incrementId,
        @JsonProperty("order_id") Long orderId,
        Integer state,
        @JsonProperty("grand_total") BigDecimal grandTotal,
        @JsonProperty("base_grand_total") BigDecimal baseGrandTotal,
        @JsonProperty("transaction_id") String transactionId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        List<Item> items) {

    /** {@code sales-data-invoice-item-interface}, the part that ties it to the order line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(@JsonProperty("entity_id") Long entityId, @JsonProperty("order_item_id") Long orderItemId,
            String sku, BigDecimal qty, BigDecimal price, @JsonProperty("row_total") BigDecimal rowTotal) {
    }
}
