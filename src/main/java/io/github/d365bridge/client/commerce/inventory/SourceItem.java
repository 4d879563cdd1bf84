package io.github.d365bridge.client.commerce.inventory;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** MSI stock of one SKU at one source ({@code inventory-api-data-source-item-interface}); status 1 in stock, 0 out. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceItem(String sku, @JsonProperty("source_code") String sourceCode, BigDecimal quantity, int status) {

    public static final int IN_STOCK = 1;
    public static final int OUT_OF_STOCK = 0;
}
