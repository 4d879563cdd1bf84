package io.github.d365bridge.client.commerce.inventory;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Legacy (single-source) stock of a product: the part of {@code cataloginventory-data-stock-item-interface} we write. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockItem(@JsonProperty("item_id") Long itemId, BigDecimal qty,
        @JsonProperty("is_in_stock") Boolean isInStock) {

    public static StockItem of(BigDecimal qty, boolean inStock) {
        return new StockItem(null, qty, inStock);
    }
}
