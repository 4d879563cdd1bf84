package io.github.d365bridge.client.commerce.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code catalog-data-product-link-interface}: link types related, upsell, crosssell, associated. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductLink(
        String sku,
        @JsonProperty("link_type") String linkType,
        @JsonProperty("linked_product_sku") String linkedProductSku,
        @JsonProperty("linked_product_type") String linkedProductType,
        Integer position) {
}
