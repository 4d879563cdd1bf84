package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.RequiredFields;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;

/**
 * {@code /V1/orders}: list and read, the {@code ext_order_id} write-back through
 * {@code POST /V1/orders}, and status-history comments. Orders themselves are placed by the
 * order generator, never through this API (the storefront places them in real life). Both writes
 * refuse a body without the fields the contract requires.
 */
public final class OrderApi {

    static final String ACL = "Magento_Sales::actions_view";
    /** {@code PostV1OrdersBody}: {@code entity} is a whole {@code sales-data-order-interface}. */
    public static final RequiredFields SAVE_REQUIRED = RequiredFields.of("entity", "entity.base_grand_total",
            "entity.customer_email", "entity.grand_total", "entity.items", "entity.items[].sku");
    /** {@code PostV1OrdersIdCommentsBody}: {@code statusHistory} is a {@code sales-data-order-status-history-interface}. */
    public static final RequiredFields COMMENT_REQUIRED = RequiredFields.of("status_history",
            "status_history.comment", "status_history.is_customer_notified", "status_history.is_visible_on_front",
            "status_history.parent_id");

    private final CommerceSandboxData data;
    private final boolean inputLimits;

    public OrderApi(CommerceSandboxData data, boolean inputLimits) {
        this.data = data;
        this.inputLimits = inputLimits;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("GET", "/V1/orders", ACL, List.of(), call ->
                SearchExecutor.search(data.orderTable().all(), "entity_id", SearchRequest.parse(call.query(), inputLimits))));
        routes.add(new Route("GET", "/V1/orders/{id}", ACL, List.of(), call -> order(call.pathInt("id"))));
        routes.add(new Route("POST", "/V1/orders", "Magento_Sales::create", List.of("entity"), this::save));
        routes.add(new Route("POST", "/V1/orders/{id}/comments", "Magento_Sales::comment", List.of("status_history"), this::comment));
    }

    ObjectNode order(int id) {
        return data.orderTable().get(id).orElseThrow(() -> CommerceException.notFound(OrderState.NOT_FOUND));
    }

    /**
     * Saves an existing order the way Magento's order repository does: every scalar the entity carries
     * replaces the stored column, every item carried with an {@code item_id} updates that item's columns,
     * an item without one is added as a new line; what the entity leaves out stays. A client that sends
     * other values than the stored ones changes the order, which is what the write-back tests look for.
     * Creating an order this way is refused: orders come from the order generator.
     */
    private Object save(ApiCall call) {
        SAVE_REQUIRED.check(call.body());
        ObjectNode entity = Nodes.object(call.member("entity"), "entity");
        if (!entity.hasNonNull("entity_id")) {
            throw CommerceException.badRequest("The sandbox only supports POST /V1/orders for an existing order "
                    + "(entity.entity_id); orders are placed through the order generator.");
        }
        ObjectNode order = order(Nodes.intValue(entity, "entity_id", 0));
        entity.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getKey().equals("entity_id")) {
                order.set(field.getKey(), field.getValue());
            }
        });
        for (JsonNode item : entity.path("items")) {
            saveItem(order, (ObjectNode) item);
        }
        order.put("updated_at", data.now());
        return order;
    }

    private static void saveItem(ObjectNode order, ObjectNode item) {
        if (!item.hasNonNull("item_id")) {
            order.withArray("items").add(item.deepCopy().put("order_id", order.get("entity_id").asInt()));
            return;
        }
        ObjectNode stored = OrderState.item(order, Nodes.intValue(item, "item_id", 0), "");
        item.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()) {
                stored.set(field.getKey(), field.getValue());
            }
        });
    }

    private Object comment(ApiCall call) {
        COMMENT_REQUIRED.check(call.body());
        ObjectNode order = order(call.pathInt("id"));
        ObjectNode history = Nodes.object(call.member("status_history"), "statusHistory");
        Nodes.requiredText(history, "comment");
        history.put("parent_id", order.get("entity_id").asInt()).put("entity_name", "order");
        history.put("created_at", data.now());
        history.put("is_customer_notified", Nodes.intValue(history, "is_customer_notified", 0));
        history.put("is_visible_on_front", Nodes.intValue(history, "is_visible_on_front", 0));
        if (history.hasNonNull("status") && !history.get("status").asText().isBlank()) {
            order.put("status", history.get("status").asText());
        } else {
            history.put("status", order.path("status").asText());
        }
        int next = order.withArray("status_histories").size() + 1;
        history.put("entity_id", order.get("entity_id").asInt() * 1000 + next);
        order.withArray("status_histories").insert(0, history);
        order.put("updated_at", data.now());
        return Boolean.TRUE;
    }
}
