package io.github.d365bridge.flow.orders.intake;

import java.util.List;

/**
 * What one webhook call or event delivery names: the orders to enqueue, and the event types that were
 * acknowledged but ignored (not order events).
 */
public record ParsedDelivery(List<OrderSignal> orders, List<String> ignoredTypes) {

    public ParsedDelivery {
        orders = List.copyOf(orders);
        ignoredTypes = List.copyOf(ignoredTypes);
    }
}
