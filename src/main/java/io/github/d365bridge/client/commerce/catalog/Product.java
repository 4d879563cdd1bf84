package io.github.d365bridge.client.commerce.catalog;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CustomAttribute;

/**
 * A product ({@code catalog-data-product-interface}): status 1 enabled / 2 disabled, visibility 1–4,
 * attribute set 4 is Default. {@code extension_attributes} stays raw JSON ({@code website_ids},
 * {@code stock_item}, {@code category_links}, configurable options all live there).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Product(
        Long id,
        String sku,
        String name,
        @JsonProperty("attribute_set_id") Integer attributeSetId,
        BigDecimal price,
        Integer status,
        Integer visibility,
        @JsonProperty("type_id") String typeId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        BigDecimal weight,
        @JsonProperty("extension_attributes") JsonNode extensionAttributes,
        @JsonProperty("product_links") List<ProductLink> productLinks,
        @JsonProperty("custom_attributes") List<CustomAttribute> customAttributes) {

    public static final int STATUS_ENABLED = 1;
    public static final int STATUS_DISABLED = 2;

    /** A simple product with the fields every create needs. */
    public static Product simple(String sku, String name, BigDecimal price, int status, int visibility) {
        return new Product(null, sku, name, 4, price, status, visibility, "simple", null, null, null, null, null, null);
    }
}
