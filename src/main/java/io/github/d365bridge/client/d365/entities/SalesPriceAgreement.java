package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.d365bridge.mapping.ProductDimensions;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A trade agreement price of {@code SalesPriceAgreements} (keys dataAreaId, RecordId). Field names as D365 spells them. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SalesPriceAgreement(
        @JsonProperty("@odata.etag") String etag,
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("RecordId") Long recordId,
        @JsonProperty("ItemNumber") String itemNumber,
        @JsonProperty("Price") BigDecimal price,
        @JsonProperty("PriceCurrencyCode") String priceCurrencyCode,
        @JsonProperty("PriceCustomerGroupCode") String priceCustomerGroupCode,
        @JsonProperty("CustomerAccountNumber") String customerAccountNumber,
        @JsonProperty("PriceApplicableFromDate") OffsetDateTime priceApplicableFromDate,
        @JsonProperty("PriceApplicableToDate") OffsetDateTime priceApplicableToDate,
        @JsonProperty("FromQuantity") BigDecimal fromQuantity,
        @JsonProperty("ToQuantity") BigDecimal toQuantity,
        @JsonProperty("SalesPriceQuantity") BigDecimal salesPriceQuantity,
        @JsonProperty("QuantityUnitySymbol") String quantityUnitySymbol,
        @JsonProperty("PriceSiteId") String priceSiteId,
        @JsonProperty("PriceWarehouseId") String priceWarehouseId,
        @JsonProperty("ProductColorId") String productColorId,
        @JsonProperty("ProductSizeId") String productSizeId,
        @JsonProperty("ProductStyleId") String productStyleId,
        @JsonProperty("ProductconfigurationId") String productConfigurationId, // lower-case c: D365 spells it so
        @JsonProperty("ProductVersionId") String productVersionId) {

    public static final String ENTITY_SET = "SalesPriceAgreements";

    /** The variant the price is for; {@link ProductDimensions#NONE} for every variant (or a distinct product). */
    public ProductDimensions dimensions() {
        return new ProductDimensions(productColorId, productSizeId, productStyleId, productConfigurationId,
                productVersionId);
    }
}
