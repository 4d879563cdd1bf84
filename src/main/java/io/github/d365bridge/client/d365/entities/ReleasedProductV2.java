package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A row of {@code ReleasedProductsV2} (keys dataAreaId, ItemNumber). It has no product name: see {@link ProductV2}.
 * Dates stay text: D365 writes an empty date as 1900-01-01, read it with {@link #date}.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleasedProductV2(
        @JsonProperty("@odata.etag") String etag,
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("ItemNumber") String itemNumber,
        @JsonProperty("ProductNumber") String productNumber,
        @JsonProperty("SearchName") String searchName,
        @JsonProperty("ProductSearchName") String productSearchName,
        @JsonProperty("ProductType") String productType,
        @JsonProperty("ProductSubType") String productSubType,
        @JsonProperty("SalesPrice") BigDecimal salesPrice,
        @JsonProperty("SalesPriceQuantity") BigDecimal salesPriceQuantity,
        @JsonProperty("SalesUnitSymbol") String salesUnitSymbol,
        @JsonProperty("NetProductWeight") BigDecimal netProductWeight,
        @JsonProperty("ProductLifecycleStateId") String productLifecycleStateId,
        @JsonProperty("ItemModelGroupId") String itemModelGroupId,
        @JsonProperty("SellStartDate") String sellStartDate,
        @JsonProperty("SellEndDate") String sellEndDate,
        @JsonProperty("SalesSalesTaxItemGroupCode") String salesTaxItemGroupCode) {

    public static final String ENTITY_SET = "ReleasedProductsV2";

    /**
     * The date part of a D365 date value; empty for D365's empty date ({@code 1900-01-01T12:00:00Z}, any year up
     * to 1900) and for no value.
     */
    public static java.util.Optional<java.time.LocalDate> date(String value) {
        if (value == null || value.length() < 10) {
            return java.util.Optional.empty();
        }
        java.time.LocalDate date = java.time.LocalDate.parse(value.substring(0, 10));
        return date.getYear() <= 1900 ? java.util.Optional.empty() : java.util.Optional.of(date);
    }
}
