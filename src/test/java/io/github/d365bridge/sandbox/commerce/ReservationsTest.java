package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.sandbox.commerce.SandboxClient.Exchange;
import io.github.d365bridge.testing.CommerceContract;

/**
 * MSI reservations over HTTP: placing an order reserves its stock items (a configurable line's child, never the
 * parent), the salable quantity is the in-stock source quantity less the reservations, and shipping deducts the
 * shipped quantity from the shipment's source while compensating the reservation, so the salable quantity moves
 * once per order, at placement.
 */
class ReservationsTest {

    private static CommerceSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(0).build());
        sandbox.traffic().recording(true);
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        try {
            assertThat(CommerceContract.load().checkAll(sandbox.traffic().exchanges())).isEmpty();
        } finally {
            sandbox.close();
        }
    }

    private double salable(String sku) {
        Exchange answer = client.get("/rest/default/V1/inventory/get-product-salable-quantity/" + sku + "/1");
        assertThat(answer.status()).as(answer.responseBody()).isEqualTo(200);
        return answer.json().asDouble();
    }

    @Test
    void anOrderReservesItsStockItemsAtPlacementAndItsShipmentMovesStockFromTheSourceNotTheSalableQuantity() {
        ObjectNode order = sandbox.orders().place(1, OrderKind.MIXED, true, new DeliveryPolicy(1, false, 100, false, false)).get(0);
        JsonNode child = null;
        for (JsonNode item : order.path("items")) {
            if (!item.path("parent_item_id").isMissingNode() && !item.path("parent_item_id").isNull()) {
                child = item;
            }
        }
        assertThat(child).as("a configurable line's child").isNotNull();
        String sku = child.path("sku").asText();
        double ordered = child.path("qty_ordered").asDouble();
        assertThat(client.post("/rest/default/V1/inventory/source-items", Map.of("sourceItems", List.of(
                Map.of("sku", sku, "source_code", "wh-east", "quantity", 50, "status", 1),
                Map.of("sku", sku, "source_code", "wh-west", "quantity", 7, "status", 0)))).status()).isEqualTo(200);

        assertThat(sandbox.data().reservations().reserved(sku)).isEqualTo(ordered);
        assertThat(salable(sku)).as("50 in stock at wh-east (wh-west is out of stock) less the order's %s", ordered)
                .isEqualTo(50 - ordered);

        Exchange shipped = client.post("/rest/default/V1/order/" + order.get("entity_id").asInt() + "/ship",
                Map.of("arguments", Map.of("extension_attributes", Map.of("source_code", "wh-east"))));
        assertThat(shipped.status()).as(shipped.responseBody()).isEqualTo(200);

        assertThat(sandbox.data().sourceItem(sku, "wh-east").orElseThrow().get("quantity").asDouble()).isEqualTo(50 - ordered);
        assertThat(sandbox.data().reservations().reserved(sku)).isZero();
        assertThat(salable(sku)).as("shipping moved no salable quantity").isEqualTo(50 - ordered);
        assertThat(client.get("/rest/default/V1/inventory/get-product-salable-quantity/" + sku + "/2").status())
                .as("only the default stock exists").isEqualTo(404);
    }
}
