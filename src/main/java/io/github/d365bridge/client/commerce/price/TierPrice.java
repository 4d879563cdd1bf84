package io.github.d365bridge.client.commerce.price;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of the bulk tier price API ({@code catalog-data-tier-price-interface}). {@code customer_group}
 * is a group <em>name</em> ({@code ALL GROUPS} for all); {@code price_type} is {@code fixed} or
 * {@code discount} (percent).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TierPrice(
        BigDecimal price,
        @JsonProperty("price_type") String priceType,
        @JsonProperty("website_id") int websiteId,
        String sku,
        @JsonProperty("customer_group") String customerGroup,
        BigDecimal quantity) implements PriceRow {

    public static final String FIXED = "fixed";
    public static final String DISCOUNT = "discount";
    public static final String ALL_GROUPS = "ALL GROUPS";

    @Override
    public Map<String, String> identity() {
        return Map.of("websiteid", Integer.toString(websiteId), "customergroup", customerGroup,
                "qty", quantity.stripTrailingZeros().toPlainString());
    }
}
