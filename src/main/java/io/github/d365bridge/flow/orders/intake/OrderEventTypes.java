package io.github.d365bridge.flow.orders.intake;

import java.util.Set;

/**
 * The Commerce events that mean "an order was placed or changed". I/O Events prefix the observer name
 * with {@code com.adobe.commerce.}; Commerce webhooks send it bare. {@code sales_order_place_after} is
 * not in Adobe's documented lists but is seen in the wild, so it is accepted too.
 */
final class OrderEventTypes {

    static final String IO_EVENTS_PREFIX = "com.adobe.commerce.";

    private static final Set<String> ORDER_EVENTS = Set.of(
            "observer.sales_order_save_after",
            "observer.sales_order_save_commit_after",
            "observer.sales_order_place_after");

    private OrderEventTypes() {
    }

    /** The bare observer name of a webhook {@code eventName} or a CloudEvents {@code type}. */
    static String normalize(String type) {
        return type.startsWith(IO_EVENTS_PREFIX) ? type.substring(IO_EVENTS_PREFIX.length()) : type;
    }

    static boolean isOrderEvent(String normalized) {
        return ORDER_EVENTS.contains(normalized);
    }
}
