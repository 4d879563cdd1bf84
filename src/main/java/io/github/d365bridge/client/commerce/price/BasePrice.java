package io.github.d365bridge.client.commerce.price;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One row of {@code POST /V1/products/base-prices} ({@code catalog-data-base-price-interface}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BasePrice(BigDecimal price, @JsonProperty("store_id") int storeId, String sku) implements PriceRow {

    @Override
    public Map<String, String> identity() {
        return Map.of("storeid", Integer.toString(storeId));
    }
}
