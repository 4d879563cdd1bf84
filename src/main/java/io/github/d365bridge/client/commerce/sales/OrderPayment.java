package io.github.d365bridge.client.commerce.sales;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The payment of an order ({@code sales-data-order-payment-interface}), as far as the order flow maps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderPayment(
        String method,
        @JsonProperty("po_number") String poNumber,
        @JsonProperty("amount_ordered") BigDecimal amountOrdered,
        @JsonProperty("base_amount_ordered") BigDecimal baseAmountOrdered,
        @JsonProperty("last_trans_id") String lastTransId,
        @JsonProperty("additional_information") List<String> additionalInformation) {
}
