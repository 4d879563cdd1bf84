package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A sales order header of {@code SalesOrderHeadersV2} (keys dataAreaId, SalesOrderNumber). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SalesOrderHeaderV2(
        @JsonProperty("@odata.etag") String etag,
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("SalesOrderNumber") String salesOrderNumber,
        @JsonProperty("OrderingCustomerAccountNumber") String orderingCustomerAccountNumber,
        @JsonProperty("InvoiceCustomerAccountNumber") String invoiceCustomerAccountNumber,
        @JsonProperty("CurrencyCode") String currencyCode,
        @JsonProperty("LanguageId") String languageId,
        @JsonProperty("CustomersOrderReference") String customersOrderReference,
        @JsonProperty("CustomerRequisitionNumber") String customerRequisitionNumber,
        @JsonProperty("RequestedShippingDate") OffsetDateTime requestedShippingDate,
        @JsonProperty("DeliveryModeCode") String deliveryModeCode,
        @JsonProperty("DeliveryAddressName") String deliveryAddressName,
        @JsonProperty("DeliveryAddressStreet") String deliveryAddressStreet,
        @JsonProperty("DeliveryAddressCity") String deliveryAddressCity,
        @JsonProperty("DeliveryAddressZipCode") String deliveryAddressZipCode,
        @JsonProperty("DeliveryAddressStateId") String deliveryAddressStateId,
        @JsonProperty("DeliveryAddressCountryRegionId") String deliveryAddressCountryRegionId,
        @JsonProperty("Email") String email,
        @JsonProperty("PaymentTermsName") String paymentTermsName,
        @JsonProperty("CustomerPaymentMethodName") String customerPaymentMethodName,
        @JsonProperty("DefaultShippingWarehouseId") String defaultShippingWarehouseId,
        @JsonProperty("DefaultShippingSiteId") String defaultShippingSiteId,
        @JsonProperty("SalesOrderStatus") String salesOrderStatus,
        @JsonProperty("SalesOrderProcessingStatus") String salesOrderProcessingStatus,
        @JsonProperty("OrderTotalAmount") BigDecimal orderTotalAmount) {

    public static final String ENTITY_SET = "SalesOrderHeadersV2";
}
