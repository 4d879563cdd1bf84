package io.github.d365bridge.sandbox.commerce.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.ground.Json;

/**
 * Shipping: {@code POST /V1/order/{orderId}/ship} (with tracks) answers the shipment id;
 * {@code POST /V1/shipment/track} adds tracking to an existing shipment of the same order.
 */
public final class ShipmentApi {

    static final String ACL = "Magento_Sales::ship";
    static final String PREFIX = "Shipment Document Validation Error(s):\n";
    public static final String NOT_ALLOWED = PREFIX + "The order does not allow a shipment to be created.";

    private final CommerceSandboxData data;

    public ShipmentApi(CommerceSandboxData data) {
        this.data = data;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/order/{orderId}/ship", ACL, List.of(), this::ship));
        routes.add(new Route("POST", "/V1/shipment/track", ACL, List.of("entity"), this::track));
        routes.add(new Route("GET", "/V1/shipment/{id}", ACL, List.of(), call -> data.shipmentTable()
                .get(call.pathInt("id")).orElseThrow(() -> CommerceException.notFound(OrderState.NOT_FOUND))));
    }

    private Object ship(ApiCall call) {
        ObjectNode order = data.orderTable().get(call.pathInt("orderId"))
                .orElseThrow(() -> CommerceException.notFound(OrderState.NOT_FOUND));
        if (!OrderState.open(order) || !OrderState.anyLeft(order, "qty_shipped")) {
            throw CommerceException.badRequest(NOT_ALLOWED);
        }
        Map<ObjectNode, Double> quantities = new LinkedHashMap<>();
        JsonNode requested = call.body().path("items");
        if (requested.isArray() && !requested.isEmpty()) {
            for (JsonNode line : requested) {
                ObjectNode item = OrderState.item(order, line.path("order_item_id").asInt(), PREFIX);
                double qty = line.path("qty").asDouble();
                if (qty > OrderState.remaining(item, "qty_shipped") + 1e-9) {
                    throw CommerceException.badRequest(PREFIX + "The quantity to ship must not be greater than the unshipped "
                            + "quantity for product SKU \"" + item.path("sku").asText() + "\".");
                }
                quantities.merge(item, qty, Double::sum);
            }
        } else {
            OrderState.topLevelItems(order).stream().filter(i -> i.path("is_virtual").asInt() != 1)
                    .forEach(i -> quantities.put(i, OrderState.remaining(i, "qty_shipped")));
        }
        quantities.values().removeIf(q -> q <= 0);
        if (quantities.isEmpty()) {
            throw CommerceException.badRequest(PREFIX + "You can't create a shipment without products.");
        }
        ObjectNode shipment = Json.mapper().createObjectNode();
        ArrayNode items = shipment.putArray("items");
        double total = 0;
        for (Map.Entry<ObjectNode, Double> entry : quantities.entrySet()) {
            ObjectNode item = entry.getKey();
            double qty = entry.getValue();
            items.addObject().put("order_item_id", item.get("item_id").asInt()).put("sku", item.path("sku").asText())
                    .put("name", item.path("name").asText()).put("qty", qty).put("price", item.path("price").asDouble());
            item.put("qty_shipped", item.path("qty_shipped").asDouble() + qty);
            for (ObjectNode child : OrderState.children(order, item.get("item_id").asInt())) {
                child.put("qty_shipped", child.path("qty_shipped").asDouble() + qty);
            }
            total += qty;
        }
        shipment.put("order_id", order.get("entity_id").asInt()).put("store_id", order.path("store_id").asInt())
                .put("total_qty", total).put("created_at", data.now()).put("updated_at", data.now());
        String source = call.body().path("arguments").path("extension_attributes").path("source_code").asText("default");
        for (Map.Entry<ObjectNode, Double> entry : quantities.entrySet()) {
            List<ObjectNode> children = OrderState.children(order, entry.getKey().get("item_id").asInt());
            for (ObjectNode stockItem : children.isEmpty() ? List.of(entry.getKey()) : children) {
                deduct(stockItem.path("sku").asText(), source, entry.getValue());
            }
        }
        shipment.with("extension_attributes").put("source_code", source);
        int id = data.shipmentTable().insert(shipment);
        shipment.put("increment_id", order.path("increment_id").asText());
        ArrayNode tracks = shipment.putArray("tracks");
        for (JsonNode input : call.body().path("tracks")) {
            tracks.add(storeTrack(Nodes.object(input, "tracks"), order.get("entity_id").asInt(), id));
        }
        OrderState.recompute(order, data.now());
        return id;
    }

    /**
     * What MSI's shipment processing does to stock: the shipped quantity leaves the shipment's source and the
     * order's reservation of it is compensated, so the salable quantity does not move a second time.
     */
    private void deduct(String sku, String source, double qty) {
        synchronized (data) {
            ObjectNode item = data.sourceItemMap().get(sku + "|" + source);
            if (item != null) {
                item.put("quantity", item.path("quantity").asDouble() - qty);
            }
            data.reservations().shipped(sku, qty);
        }
    }

    private ObjectNode storeTrack(ObjectNode track, int orderId, int shipmentId) {
        Nodes.requiredText(track, "track_number");
        Nodes.requiredText(track, "carrier_code");
        track.put("order_id", orderId).put("parent_id", shipmentId);
        track.put("title", track.path("title").asText(track.get("carrier_code").asText()));
        track.put("weight", track.path("weight").asDouble(0)).put("qty", track.path("qty").asDouble(0));
        track.put("description", track.path("description").asText(""));
        track.put("created_at", data.now()).put("updated_at", data.now());
        data.trackTable().insert(track);
        return track;
    }

    private Object track(ApiCall call) {
        ObjectNode entity = Nodes.object(call.member("entity"), "entity");
        int shipmentId = Nodes.intValue(entity, "parent_id", 0);
        ObjectNode shipment = data.shipmentTable().get(shipmentId)
                .orElseThrow(() -> CommerceException.notFound(OrderState.NOT_FOUND));
        int orderId = Nodes.intValue(entity, "order_id", shipment.get("order_id").asInt());
        if (orderId != shipment.get("order_id").asInt()) {
            throw CommerceException.badRequest("Could not save the shipment tracking.");
        }
        entity.remove("entity_id");
        ObjectNode track = storeTrack(entity, orderId, shipmentId);
        shipment.withArray("tracks").add(track.deepCopy());
        return track;
    }
}
