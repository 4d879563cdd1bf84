package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A sales order line of {@code SalesOrderLinesV3} (keys dataAreaId, InventoryLotId — not order number
 * plus line number). Item numbers may carry leading spaces: never trim them.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SalesOrderLineV3(
        @JsonProperty("@odata.etag") String etag,
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("InventoryLotId") String inventoryLotId,
        @JsonProperty("SalesOrderNumber") String salesOrderNumber,
        @JsonProperty("LineNumber") BigDecimal lineNumber,
        @JsonProperty("ItemNumber") String itemNumber,
        @JsonProperty("OrderedSalesQuantity") BigDecimal orderedSalesQuantity,
        @JsonProperty("SalesPrice") BigDecimal salesPrice,
        @JsonProperty("SalesPriceQuantity") BigDecimal salesPriceQuantity,
        @JsonProperty("LineAmount") BigDecimal lineAmount,
        @JsonProperty("LineDiscountAmount") BigDecimal lineDiscountAmount,
        @JsonProperty("SalesUnitSymbol") String salesUnitSymbol,
        @JsonProperty("ShippingWarehouseId") String shippingWarehouseId,
        @JsonProperty("ShippingSiteId") String shippingSiteId,
        @JsonProperty("CustomersLineNumber") Integer customersLineNumber,
        @JsonProperty("ExternalItemNumber") String externalItemNumber,
        @JsonProperty("LineDescription") String lineDescription) {

    public static final String ENTITY_SET = "SalesOrderLinesV3";
}
