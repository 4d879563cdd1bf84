package io.github.d365bridge.client.d365.entities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.d365bridge.mapping.ProductDimensions;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A released variant of a product master, {@code ReleasedProductVariantsV2} (keys dataAreaId, ItemNumber and
 * the five dimension ids). Not in the contract files and its fields are unconfirmed: the bridge needs only the
 * item number and the dimension ids (which {@code WarehousesOnHandV2} and the sales order lines spell the same
 * way); the names are used where D365 answers them and made of the master's name otherwise.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleasedProductVariantV2(
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("ItemNumber") String itemNumber,
        @JsonProperty("ProductColorId") String productColorId,
        @JsonProperty("ProductSizeId") String productSizeId,
        @JsonProperty("ProductStyleId") String productStyleId,
        @JsonProperty("ProductConfigurationId") String productConfigurationId,
        @JsonProperty("ProductVersionId") String productVersionId,
        @JsonProperty("ProductVariantNumber") String productVariantNumber,
        @JsonProperty("ProductName") String productName) {

    public static final String ENTITY_SET = "ReleasedProductVariantsV2";
    /** The dimension fields, in the SKU rule's order. */
    public static final java.util.List<String> DIMENSION_FIELDS = java.util.List.of("ProductColorId", "ProductSizeId",
            "ProductStyleId", "ProductConfigurationId", "ProductVersionId");

    public ProductDimensions dimensions() {
        return new ProductDimensions(productColorId, productSizeId, productStyleId, productConfigurationId,
                productVersionId);
    }
}
