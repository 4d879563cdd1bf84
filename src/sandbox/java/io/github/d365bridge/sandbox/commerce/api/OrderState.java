package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.http.CommerceException;

/**
 * Order rules shared by invoices and shipments: which rows carry quantities (parents of configurable
 * products carry them, their child rows follow), how much is left to invoice or ship, and the state
 * machine new → processing → complete.
 */
final class OrderState {

    static final String NOT_FOUND = "The entity that was requested doesn't exist. Verify the entity and try again.";
    private static final Set<String> FINAL = Set.of("canceled", "closed", "complete", "holded");

    private OrderState() {
    }

    static List<ObjectNode> topLevelItems(ObjectNode order) {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : order.path("items")) {
            if (item.path("parent_item_id").isMissingNode() || item.path("parent_item_id").isNull()) {
                items.add((ObjectNode) item);
            }
        }
        return items;
    }

    static List<ObjectNode> children(ObjectNode order, int parentItemId) {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : order.path("items")) {
            if (item.path("parent_item_id").asInt(-1) == parentItemId) {
                items.add((ObjectNode) item);
            }
        }
        return items;
    }

    static ObjectNode item(ObjectNode order, int itemId, String prefix) {
        for (JsonNode item : order.path("items")) {
            if (item.path("item_id").asInt() == itemId) {
                return (ObjectNode) item;
            }
        }
        throw CommerceException.badRequest(prefix + "The order item with ID \"" + itemId + "\" doesn't belong to this order.");
    }

    static double remaining(ObjectNode item, String doneField) {
        return item.path("qty_ordered").asDouble() - item.path(doneField).asDouble() - item.path("qty_canceled").asDouble();
    }

    static boolean open(ObjectNode order) {
        return !FINAL.contains(order.path("state").asText());
    }

    static boolean anyLeft(ObjectNode order, String doneField) {
        return topLevelItems(order).stream().anyMatch(item -> remaining(item, doneField) > 0
                && !(doneField.equals("qty_shipped") && item.path("is_virtual").asInt() == 1));
    }

    /** processing once anything is invoiced or shipped; complete when both are done. */
    static void recompute(ObjectNode order, String now) {
        boolean invoicedAll = !anyLeft(order, "qty_invoiced");
        boolean shippedAll = !anyLeft(order, "qty_shipped");
        if (invoicedAll && shippedAll) {
            order.put("state", "complete").put("status", "complete");
        } else {
            order.put("state", "processing").put("status", "processing");
        }
        order.put("updated_at", now);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
