package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A posted sales invoice of {@code SalesInvoiceHeadersV2} (key dataAreaId + InvoiceNumber; exact key set unconfirmed). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SalesInvoiceHeaderV2(
        @JsonProperty("@odata.etag") String etag,
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("InvoiceNumber") String invoiceNumber,
        @JsonProperty("InvoiceDate") OffsetDateTime invoiceDate,
        @JsonProperty("SalesOrderNumber") String salesOrderNumber,
        @JsonProperty("InvoiceCustomerAccountNumber") String invoiceCustomerAccountNumber,
        @JsonProperty("CurrencyCode") String currencyCode,
        @JsonProperty("TotalInvoiceAmount") BigDecimal totalInvoiceAmount,
        @JsonProperty("TotalTaxAmount") BigDecimal totalTaxAmount,
        @JsonProperty("TotalChargeAmount") BigDecimal totalChargeAmount,
        @JsonProperty("TotalDiscountAmount") BigDecimal totalDiscountAmount,
        @JsonProperty("CustomersOrderReference") String customersOrderReference,
        @JsonProperty("LedgerVoucher") String ledgerVoucher) {

    public static final String ENTITY_SET = "SalesInvoiceHeadersV2";
}
