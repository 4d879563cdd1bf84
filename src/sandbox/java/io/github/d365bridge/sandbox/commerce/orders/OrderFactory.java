package io.github.d365bridge.sandbox.commerce.orders;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions.StoreView;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.ground.Json;

/**
 * Builds one realistic placed order as {@code GET /V1/orders/{id}} shows it: items (a configurable
 * product as a parent row carrying the price and the child's SKU plus a child row at price 0 with
 * {@code parent_item_id}), discount (negative, as Commerce stores it), shipping, tax, billing address,
 * payment, {@code shipping_assignments} and, for B2B buyers, {@code company_order_attributes}.
 * The caller inserts the row and then calls {@link #assignIds}.
 */
final class OrderFactory {

    private final CommerceSandboxData data;

    OrderFactory(CommerceSandboxData data) {
        this.data = data;
    }

    ObjectNode build(Random random, OrderKind kind, StoreView store, boolean forceConfigurable) {
        ObjectNode order = Json.mapper().createObjectNode();
        String currency = store.currency();
        order.put("state", "new").put("status", "pending").put("store_id", store.id())
                .put("store_name", "Main Website\nMain Website Store\n" + store.name())
                .put("base_currency_code", currency).put("order_currency_code", currency).put("store_currency_code", currency)
                .put("global_currency_code", "USD").put("base_to_global_rate", 1).put("base_to_order_rate", 1)
                .put("created_at", data.now()).put("updated_at", data.now())
                .put("quote_id", 1000 + data.orderTable().size()).put("remote_ip", "203.0.113." + (1 + random.nextInt(200)))
                .put("is_virtual", 0).put("email_sent", 1);
        ObjectNode buyer = Buyers.pick(data, random, kind, store);
        Buyers.apply(order, buyer, random);
        ArrayNode items = order.putArray("items");
        double subtotal = 0;
        double qtyTotal = 0;
        int lines = 1 + random.nextInt(3);
        List<String> skus = data.catalog().skus();
        for (int line = 0; line < lines; line++) {
            boolean configurable = forceConfigurable && line == 0 || random.nextInt(3) == 0;
            String sku = pickSku(random, skus, configurable);
            int qty = 1 + random.nextInt(3);
            ObjectNode product = data.catalog().view(sku, store.id()).orElseThrow();
            double price = product.path("price").asDouble();
            if (product.path("type_id").asText().equals("configurable")) {
                String size = List.of("S", "M", "L").get(random.nextInt(3));
                ObjectNode child = data.catalog().view(sku + "-" + size, store.id()).orElseThrow();
                ObjectNode parentRow = OrderItems.row(data, order, product, child.get("sku").asText(), qty, price);
                items.add(parentRow);
                ObjectNode childRow = OrderItems.row(data, order, child, child.get("sku").asText(), qty, 0);
                childRow.put("product_type", "simple");
                childRow.set("parent_item", parentRow.deepCopy());
                items.add(childRow);
            } else {
                items.add(OrderItems.row(data, order, product, sku, qty, price));
            }
            subtotal += price * qty;
            qtyTotal += qty;
        }
        Totals.apply(order, random, store, subtotal, qtyTotal);
        return order;
    }

    private static String pickSku(Random random, List<String> skus, boolean configurable) {
        List<String> pool = skus.stream().filter(s -> configurable
                ? s.matches("SB-CONF-\\d+") : s.startsWith("SB-SIMPLE-")).toList();
        if (pool.isEmpty()) {
            pool = skus;
        }
        return pool.get(random.nextInt(pool.size()));
    }

    /** Once the order has its entity_id: item ids, parent links, addresses' parent ids. */
    void assignIds(ObjectNode order) {
        int orderId = order.get("entity_id").asInt();
        String prefix = order.get("store_id").asInt() == 1 ? "" : String.valueOf(order.get("store_id").asInt());
        order.put("increment_id", prefix + String.format("%09d", orderId));
        Integer lastParent = null;
        for (var node : order.withArray("items")) {
            ObjectNode item = (ObjectNode) node;
            item.put("order_id", orderId).put("item_id", data.nextOrderItemId());
            if (item.has("parent_item")) {
                item.put("parent_item_id", lastParent);
                ((ObjectNode) item.get("parent_item")).put("item_id", lastParent).put("order_id", orderId);
            } else {
                lastParent = item.get("item_id").asInt();
            }
        }
        ObjectNode billing = (ObjectNode) order.get("billing_address");
        billing.put("parent_id", orderId).put("entity_id", orderId * 2 - 1);
        order.put("billing_address_id", orderId * 2 - 1);
        ((ObjectNode) order.get("payment")).put("parent_id", orderId).put("entity_id", orderId);
        ObjectNode assignment = (ObjectNode) order.get("extension_attributes").get("shipping_assignments").get(0);
        ((ObjectNode) assignment.get("shipping").get("address")).put("parent_id", orderId).put("entity_id", orderId * 2);
        assignment.set("items", order.get("items").deepCopy());
        if (order.get("extension_attributes").has("company_order_attributes")) {
            ((ObjectNode) order.get("extension_attributes").get("company_order_attributes")).put("order_id", orderId);
        }
    }
}
