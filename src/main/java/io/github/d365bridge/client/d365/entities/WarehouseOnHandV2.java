package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** On-hand per item, dimensions, site and warehouse, from {@code WarehousesOnHandV2}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record WarehouseOnHandV2(
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("ItemNumber") String itemNumber,
        @JsonProperty("ProductColorId") String productColorId,
        @JsonProperty("ProductConfigurationId") String productConfigurationId,
        @JsonProperty("ProductSizeId") String productSizeId,
        @JsonProperty("ProductStyleId") String productStyleId,
        @JsonProperty("ProductVersionId") String productVersionId,
        @JsonProperty("InventorySiteId") String inventorySiteId,
        @JsonProperty("InventoryWarehouseId") String inventoryWarehouseId,
        @JsonProperty("AvailableOnHandQuantity") BigDecimal availableOnHandQuantity,
        @JsonProperty("OnHandQuantity") BigDecimal onHandQuantity,
        @JsonProperty("ReservedOnHandQuantity") BigDecimal reservedOnHandQuantity,
        @JsonProperty("AvailableOrderedQuantity") BigDecimal availableOrderedQuantity,
        @JsonProperty("OnOrderQuantity") BigDecimal onOrderQuantity,
        @JsonProperty("TotalAvailableQuantity") BigDecimal totalAvailableQuantity) {

    public static final String ENTITY_SET = "WarehousesOnHandV2";
}
