package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A row of {@code ReleasedProductsV2} (keys dataAreaId, ItemNumber). It has no product name: see {@link ProductV2}. */
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
        @JsonProperty("ItemModelGroupId") String itemModelGroupId) {

    public static final String ENTITY_SET = "ReleasedProductsV2";
}
