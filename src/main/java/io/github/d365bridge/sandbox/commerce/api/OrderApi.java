package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;

/**
 * {@code /V1/orders}: list and read, the {@code ext_order_id} write-back through
 * {@code POST /V1/orders}, and status-history comments. Orders themselves are placed by the
 * order generator, never through this API (the storefront places them in real life).
 */
public final class OrderApi {

    static final String ACL = "Magento_Sales::actions_view";
    /** Scalars the sandbox lets {@code POST /V1/orders} change; Commerce's side effects here are unconfirmed. */
    private static final Set<String> WRITABLE = Set.of("ext_order_id", "ext_customer_id", "customer_note");

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
     * The write-back used in practice. Creating an order this way is refused: the sandbox only
     * supports the update the bridge relies on, and anything else is a client bug worth seeing.
     */
    private Object save(ApiCall call) {
        ObjectNode entity = Nodes.object(call.member("entity"), "entity");
        if (!entity.hasNonNull("entity_id")) {
            throw CommerceException.badRequest("The sandbox only supports POST /V1/orders for an existing order "
                    + "(entity.entity_id); orders are placed through the order generator.");
        }
        ObjectNode order = order(Nodes.intValue(entity, "entity_id", 0));
        entity.fields().forEachRemaining(field -> {
            if (WRITABLE.contains(field.getKey())) {
                order.set(field.getKey(), field.getValue());
            }
        });
        order.put("updated_at", data.now());
        return order;
    }

    private Object comment(ApiCall call) {
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
