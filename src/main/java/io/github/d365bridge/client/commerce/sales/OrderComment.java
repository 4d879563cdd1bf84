package io.github.d365bridge.client.commerce.sales;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An order status history entry ({@code statusHistory} of {@code POST /V1/orders/{id}/comments}).
 * {@code status} must be a status the order may have; null keeps the current one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderComment(
        String comment,
        @JsonProperty("is_customer_notified") int isCustomerNotified,
        @JsonProperty("is_visible_on_front") int isVisibleOnFront,
        @JsonProperty("parent_id") Long parentId,
        String status) {

    /** An internal note: customer not notified, not shown in the storefront. */
    public static OrderComment internal(String comment, String status) {
        return new OrderComment(comment, 0, 0, null, status);
    }

    OrderComment forOrder(long orderId) {
        return new OrderComment(comment, isCustomerNotified, isVisibleOnFront, orderId, status);
    }
}
