package io.github.d365bridge.sandbox.commerce.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * MSI reservations of the default stock, as {@code inventory_reservation} keeps them: placing an order reserves
 * each ordered stock item (a configurable product's child, a simple or virtual product, never the configurable
 * parent line), shipping compensates the reservation of what it ships while deducting it from the shipment's
 * source. The salable quantity is then the in-stock source quantity less what is reserved, so a stock push that
 * ignores orders in flight either oversells (it counts them twice as available) or undersells.
 */
public final class Reservations {

    private static final List<String> PARENT_TYPES = List.of("configurable", "bundle", "grouped");

    private final Map<String, Double> bySku = new HashMap<>();

    /** Reserves the stock items of a placed order. */
    public synchronized void placed(ObjectNode order) {
        for (JsonNode item : order.path("items")) {
            if (!PARENT_TYPES.contains(item.path("product_type").asText())) {
                bySku.merge(item.path("sku").asText(), item.path("qty_ordered").asDouble(), Double::sum);
            }
        }
    }

    /** Compensates the reservation of {@code qty} shipped of a stock item. */
    public synchronized void shipped(String sku, double qty) {
        bySku.computeIfPresent(sku, (k, reserved) -> reserved - qty <= 1e-9 ? null : reserved - qty);
    }

    /** What is reserved of the SKU in the default stock. */
    public synchronized double reserved(String sku) {
        return bySku.getOrDefault(sku, 0.0);
    }

    public synchronized void clear() {
        bySku.clear();
    }
}
