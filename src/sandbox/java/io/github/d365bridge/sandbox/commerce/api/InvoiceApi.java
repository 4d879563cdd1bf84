package io.github.d365bridge.sandbox.commerce.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;
import io.github.d365bridge.ground.Json;

/**
 * Invoicing: {@code POST /V1/order/{orderId}/invoice} answers the new invoice id as a bare integer,
 * invoices everything left when no items are given, and refuses with Commerce's document validation
 * text when nothing is left. Offline payment methods are paid at once; online ones only with
 * {@code capture} or a later {@code POST /V1/invoices/{id}/capture}.
 */
public final class InvoiceApi {

    static final String ACL = "Magento_Sales::sales_invoice";
    static final String PREFIX = "Invoice Document Validation Error(s):\n";
    public static final String NOT_ALLOWED = PREFIX + "The order does not allow an invoice to be created.";
    static final Set<String> OFFLINE_METHODS = Set.of("checkmo", "banktransfer", "cashondelivery", "purchaseorder", "companycredit", "free");
    static final int OPEN = 1;
    static final int PAID = 2;

    private final CommerceSandboxData data;
    private final boolean inputLimits;

    public InvoiceApi(CommerceSandboxData data, boolean inputLimits) {
        this.data = data;
        this.inputLimits = inputLimits;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/order/{orderId}/invoice", ACL, List.of(), this::invoice));
        routes.add(new Route("POST", "/V1/invoices/{id}/capture", ACL, List.of(), this::capture));
        routes.add(new Route("GET", "/V1/invoices", ACL, List.of(), call ->
                SearchExecutor.search(data.invoiceTable().all(), "entity_id", SearchRequest.parse(call.query(), inputLimits))));
        routes.add(new Route("GET", "/V1/invoices/{id}", ACL, List.of(), call -> data.invoiceTable()
                .get(call.pathInt("id")).orElseThrow(() -> CommerceException.notFound(OrderState.NOT_FOUND))));
    }

    private Object invoice(ApiCall call) {
        ObjectNode order = data.orderTable().get(call.pathInt("orderId"))
                .orElseThrow(() -> CommerceException.notFound(OrderState.NOT_FOUND));
        if (!OrderState.open(order) || !OrderState.anyLeft(order, "qty_invoiced")) {
            throw CommerceException.badRequest(NOT_ALLOWED);
        }
        Map<ObjectNode, Double> quantities = quantities(order, call.body().path("items"));
        boolean first = data.invoiceTable().all().stream().noneMatch(i -> i.path("order_id").asInt() == order.get("entity_id").asInt());
        ObjectNode invoice = Json.mapper().createObjectNode();
        ArrayNode items = invoice.putArray("items");
        double subtotal = 0;
        double discount = 0;
        double tax = 0;
        double totalQty = 0;
        for (Map.Entry<ObjectNode, Double> entry : quantities.entrySet()) {
            ObjectNode item = entry.getKey();
            double qty = entry.getValue();
            double share = qty / item.path("qty_ordered").asDouble(1);
            double rowTotal = OrderState.round(item.path("price").asDouble() * qty);
            double rowDiscount = OrderState.round(item.path("discount_amount").asDouble() * share);
            double rowTax = OrderState.round(item.path("tax_amount").asDouble() * share);
            items.addObject().put("order_item_id", item.get("item_id").asInt()).put("sku", item.path("sku").asText())
                    .put("name", item.path("name").asText()).put("qty", qty).put("price", item.path("price").asDouble())
                    .put("base_price", item.path("base_price").asDouble()).put("row_total", rowTotal)
                    .put("base_row_total", rowTotal).put("discount_amount", rowDiscount).put("tax_amount", rowTax)
                    .put("product_id", item.path("product_id").asInt());
            item.put("qty_invoiced", item.path("qty_invoiced").asDouble() + qty);
            for (ObjectNode child : OrderState.children(order, item.get("item_id").asInt())) {
                child.put("qty_invoiced", child.path("qty_invoiced").asDouble() + qty * child.path("qty_ordered").asDouble(1)
                        / item.path("qty_ordered").asDouble(1));
            }
            subtotal += rowTotal;
            discount += rowDiscount;
            tax += rowTax;
            totalQty += qty;
        }
        double shipping = first ? order.path("shipping_amount").asDouble() : 0;
        double grandTotal = OrderState.round(subtotal + shipping + tax - Math.abs(discount));
        boolean paid = call.body().path("capture").asBoolean(false)
                || OFFLINE_METHODS.contains(order.path("payment").path("method").asText());
        fillHeader(invoice, order, subtotal, discount, tax, shipping, grandTotal, totalQty, paid);
        int id = data.invoiceTable().insert(invoice);
        invoice.put("increment_id", order.path("increment_id").asText());
        items.forEach(i -> ((ObjectNode) i).put("parent_id", id).put("entity_id", id * 100 + 1));
        order.put("total_invoiced", OrderState.round(order.path("total_invoiced").asDouble() + grandTotal));
        order.put("base_total_invoiced", order.get("total_invoiced").asDouble());
        order.put("subtotal_invoiced", OrderState.round(order.path("subtotal_invoiced").asDouble() + subtotal));
        if (paid) {
            addPaid(order, grandTotal);
        }
        OrderState.recompute(order, data.now());
        return id;
    }

    private Map<ObjectNode, Double> quantities(ObjectNode order, JsonNode requested) {
        Map<ObjectNode, Double> quantities = new LinkedHashMap<>();
        if (requested.isArray() && !requested.isEmpty()) {
            for (JsonNode line : requested) {
                ObjectNode item = OrderState.item(order, line.path("order_item_id").asInt(), PREFIX);
                double qty = line.path("qty").asDouble();
                if (qty > OrderState.remaining(item, "qty_invoiced") + 1e-9) {
                    throw CommerceException.badRequest(PREFIX + "The quantity to invoice must not be greater than the uninvoiced "
                            + "quantity for product SKU \"" + item.path("sku").asText() + "\".");
                }
                if (qty > 0) {
                    quantities.merge(item, qty, Double::sum);
                }
            }
        } else {
            OrderState.topLevelItems(order).forEach(item -> {
                double left = OrderState.remaining(item, "qty_invoiced");
                if (left > 0) {
                    quantities.put(item, left);
                }
            });
        }
        if (quantities.isEmpty()) {
            throw CommerceException.badRequest(PREFIX + "The invoice can't be created without products. Add products and try again.");
        }
        return quantities;
    }

    private void fillHeader(ObjectNode invoice, ObjectNode order, double subtotal, double discount, double tax,
            double shipping, double grandTotal, double totalQty, boolean paid) {
        invoice.put("order_id", order.get("entity_id").asInt()).put("store_id", order.path("store_id").asInt())
                .put("state", paid ? PAID : OPEN).put("total_qty", totalQty)
                .put("subtotal", OrderState.round(subtotal)).put("base_subtotal", OrderState.round(subtotal))
                .put("discount_amount", -Math.abs(OrderState.round(discount))).put("tax_amount", OrderState.round(tax))
                .put("shipping_amount", shipping).put("base_shipping_amount", shipping)
                .put("grand_total", grandTotal).put("base_grand_total", grandTotal)
                .put("base_currency_code", order.path("base_currency_code").asText())
                .put("order_currency_code", order.path("order_currency_code").asText())
                .put("billing_address_id", order.path("billing_address_id").asInt())
                .put("created_at", data.now()).put("updated_at", data.now());
        invoice.putArray("comments");
    }

    private Object capture(ApiCall call) {
        ObjectNode invoice = data.invoiceTable().get(call.pathInt("id"))
                .orElseThrow(() -> CommerceException.notFound(OrderState.NOT_FOUND));
        if (invoice.path("state").asInt() != OPEN) {
            throw CommerceException.badRequest("The capture action is not available.");
        }
        invoice.put("state", PAID).put("updated_at", data.now());
        ObjectNode order = data.orderTable().get(invoice.path("order_id").asInt()).orElseThrow();
        addPaid(order, invoice.path("grand_total").asDouble());
        order.put("updated_at", data.now());
        return "1";
    }

    private static void addPaid(ObjectNode order, double amount) {
        order.put("total_paid", OrderState.round(order.path("total_paid").asDouble() + amount));
        order.put("base_total_paid", order.get("total_paid").asDouble());
        order.put("total_due", OrderState.round(order.path("grand_total").asDouble() - order.get("total_paid").asDouble()));
    }
}
