package io.github.d365bridge.client.commerce.sales;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code entity} of {@code POST /V1/orders} that sets {@code ext_order_id} on an existing order. The
 * contract's {@code sales-data-order-interface} requires {@code base_grand_total}, {@code customer_email},
 * {@code grand_total} and {@code items} (each with {@code sku}), so they travel too, with the values just
 * read from the order. Magento saves an entity that has an {@code entity_id} as an update of the columns
 * the request carries, and each item the request carries (by {@code item_id}) likewise: every value sent
 * besides {@code ext_order_id} is the one the store already holds, so the save changes nothing else.
 * Nothing is sent that Magento would derive from a missing value (no state, status, addresses, payment).
 */
public record ExtOrderIdSave(
        @JsonProperty("entity_id") long entityId,
        @JsonProperty("increment_id") String incrementId,
        @JsonProperty("ext_order_id") String extOrderId,
        @JsonProperty("customer_email") String customerEmail,
        @JsonProperty("base_grand_total") BigDecimal baseGrandTotal,
        @JsonProperty("grand_total") BigDecimal grandTotal,
        List<Item> items) {

    /** An existing order line, named by {@code item_id}, with the {@code sku} it has. */
    public record Item(@JsonProperty("item_id") long itemId, String sku) {
    }

    /** The save for {@code order} as just read in full ({@code GET /V1/orders/{id}}, no {@code fields=}). */
    public static ExtOrderIdSave of(Order order, String extOrderId) {
        Objects.requireNonNull(extOrderId, "extOrderId");
        String missing = missing(order);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Order " + order.entityId() + " was not read in full (" + missing
                    + " missing): ext_order_id is only written with the order's own values of the fields Commerce requires");
        }
        List<Item> items = order.items().stream().map(i -> new Item(i.itemId(), i.sku())).toList();
        return new ExtOrderIdSave(order.entityId(), order.incrementId(), extOrderId, order.customerEmail(),
                order.baseGrandTotal(), order.grandTotal(), items);
    }

    private static String missing(Order order) {
        StringBuilder missing = new StringBuilder();
        check(missing, order.entityId(), "entity_id");
        check(missing, order.incrementId(), "increment_id");
        check(missing, order.customerEmail(), "customer_email");
        check(missing, order.baseGrandTotal(), "base_grand_total");
        check(missing, order.grandTotal(), "grand_total");
        if (order.items() == null || order.items().isEmpty()) {
            check(missing, null, "items");
        } else if (order.items().stream().anyMatch(i -> i.itemId() == null || i.sku() == null)) {
            check(missing, null, "items[].item_id/sku");
        }
        return missing.toString();
    }

    private static void check(StringBuilder missing, Object value, String name) {
        if (value == null) {
            missing.append(missing.isEmpty() ? "" : ", ").append(name);
        }
    }
}
