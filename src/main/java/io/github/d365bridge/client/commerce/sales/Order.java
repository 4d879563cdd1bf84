package io.github.d365bridge.client.commerce.sales;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The order fields the order flow reads ({@code sales-data-order-interface}). Shipping address and
 * method sit in {@code extension_attributes.shipping_assignments}, B2B data in
 * {@code company_order_attributes}: both kept as raw JSON. Amounts are decimals, never doubles.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(
        @JsonProperty("entity_id") Long entityId,
        @JsonProperty("increment_id") String incrementId,
        @JsonProperty("ext_order_id") String extOrderId,
        String state,
        String status,
        @JsonProperty("store_id") Integer storeId,
        @JsonProperty("customer_id") Long customerId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("customer_firstname") String customerFirstname,
        @JsonProperty("customer_lastname") String customerLastname,
        @JsonProperty("customer_is_guest") Integer customerIsGuest,
        @JsonProperty("customer_group_id") Integer customerGroupId,
        @JsonProperty("base_currency_code") String baseCurrencyCode,
        @JsonProperty("order_currency_code") String orderCurrencyCode,
        @JsonProperty("base_grand_total") BigDecimal baseGrandTotal,
        @JsonProperty("grand_total") BigDecimal grandTotal,
        @JsonProperty("shipping_amount") BigDecimal shippingAmount,
        @JsonProperty("tax_amount") BigDecimal taxAmount,
        @JsonProperty("discount_amount") BigDecimal discountAmount,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        List<OrderItem> items,
        @JsonProperty("billing_address") OrderAddress billingAddress,
        OrderPayment payment,
        @JsonProperty("extension_attributes") JsonNode extensionAttributes) {

    /** {@code true} for guest checkouts ({@code customer_is_guest} is 0/1 on the wire). */
    public boolean isGuest() {
        return customerIsGuest != null && customerIsGuest != 0;
    }

    /** The first shipping assignment's address, if Commerce sent one (virtual orders have none). */
    public JsonNode shippingAddress() {
        return extensionAttributes == null ? null
                : extensionAttributes.path("shipping_assignments").path(0).path("shipping").get("address");
    }
}
