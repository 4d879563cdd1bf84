package io.github.d365bridge.flow.orders.mapping;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.flow.orders.OrderKey;

/**
 * One order cannot be mapped: a gap in the mapping profile or in the order's data. Permanent (a retry
 * maps the same data the same way), and about this order only, never its batch. The message names the
 * order key and the Commerce field (or profile key) to look at, e.g.
 * {@code Order eu_en:2000000031: order_currency_code: 'USD' is not the currency EUR of store eu_en (stores.eu_en.currency)}.
 */
public class OrderMappingException extends PermanentFailureException {

    private final transient OrderKey orderKey;
    private final String field;
    private final String reason;

    public OrderMappingException(OrderKey orderKey, String field, String reason) {
        super(ExternalSystem.BRIDGE, "Order " + orderKey + ": " + field + ": " + reason);
        this.orderKey = orderKey;
        this.field = field;
        this.reason = reason;
    }

    public OrderKey orderKey() {
        return orderKey;
    }

    /** The Commerce order field (e.g. {@code items[2].sku}) or profile key the problem is about. */
    public String field() {
        return field;
    }

    /** The problem without order key and field. */
    public String reason() {
        return reason;
    }
}
