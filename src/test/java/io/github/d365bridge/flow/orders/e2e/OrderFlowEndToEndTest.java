package io.github.d365bridge.flow.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.flow.orders.intake.OrderPollHandler;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.testing.CommerceRequestContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The order flow in the running app: the Commerce sandbox places orders and delivers signed webhooks to
 * the bridge's intake (every one twice, out of order, some never), the poll finds the undelivered, and
 * the standalone runtime's pumps and timers take each order through mapping, batching, the DMF import
 * into the D365 sandbox and the write-back. Every order ends in D365 exactly once with its number back
 * in Commerce, and every request the bridge sent Commerce meets Adobe's contract.
 */
@QuarkusTest
@TestProfile(OrderFlowTestProfile.class)
class OrderFlowEndToEndTest {

    private static final int ORDERS = 20;

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @InjectD365Sandbox
    D365Sandbox d365;
    @Inject
    OrderLedger ledger;
    @Inject
    OrderPollHandler poll;

    @Test
    void ordersPlacedInCommerceArriveInD365OnceAndTheNumberIsWrittenBack() {
        SandboxAlignment.lineUp(commerce, d365);
        commerce.traffic().clear();
        commerce.traffic().recording(true);
        List<ObjectNode> placed = commerce.orders().place(ORDERS, OrderKind.MIXED, true,
                new DeliveryPolicy(2, true, 20, true, false));
        Map<OrderKey, ObjectNode> byKey = placed.stream().collect(Collectors.toMap(OrderFlowEndToEndTest::key, o -> o));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            poll.poll(); // the safety net for the orders whose webhooks never came
            return byKey.keySet().stream().allMatch(k -> ledger.find(k).map(LedgerEntry::state)
                    .filter(s -> s == OrderState.WRITTEN_BACK || s == OrderState.FAILED).isPresent());
        });

        java.util.Set<Integer> webhooked = commerce.orders().deliveries().stream()
                .map(io.github.d365bridge.sandbox.commerce.orders.Delivery::orderId).collect(Collectors.toSet());
        for (Map.Entry<OrderKey, ObjectNode> order : byKey.entrySet()) {
            LedgerEntry entry = ledger.find(order.getKey()).orElseThrow();
            assertThat(entry.state()).as(order.getKey() + ": " + entry.lastError()).isEqualTo(OrderState.WRITTEN_BACK);
            // the ledger keeps how the bridge first heard of the order; one that got no webhook only the poll found
            assertThat(entry.source()).isIn("webhook", "poll");
            if (!webhooked.contains(order.getValue().get("entity_id").asInt())) {
                assertThat(entry.source()).as(order.getKey() + " got no webhook").isEqualTo("poll");
            }
            List<Map<String, Object>> inD365 = d365.data().rows("SalesOrderHeadersV2",
                    r -> order.getKey().toString().equals(r.get("CustomersOrderReference")));
            assertThat(inD365).as("exactly once in D365: " + order.getKey()).hasSize(1);
            assertThat(inD365.get(0).get("SalesOrderNumber")).isEqualTo(entry.salesOrderNumber());
            assertThat(inD365.get(0).get("CurrencyCode")).isEqualTo(order.getValue().get("order_currency_code").asText());
            assertThat(d365.data().rows("SalesOrderLinesV3", r -> entry.salesOrderNumber().equals(r.get("SalesOrderNumber"))
                    && entry.legalEntity().equals(r.get("dataAreaId")))).isNotEmpty();
            Optional<ObjectNode> inCommerce = commerce.data().order(order.getValue().get("entity_id").asInt());
            // the default write-back: the number as an internal comment, the order entity left alone
            assertThat(inCommerce).get().satisfies(o -> {
                assertThat(o.findValuesAsText("comment")).anyMatch(c -> c.contains(entry.salesOrderNumber()));
                assertThat(o.has("ext_order_id")).isFalse();
            });
        }
        assertThat(CommerceRequestContract.load().checkAll(commerce.traffic().exchanges()))
                .as("every request the bridge sent to Commerce").isEmpty();
    }

    private static OrderKey key(ObjectNode order) {
        return new OrderKey(order.get("store_id").asInt() == 1 ? "default" : "eu_en", order.get("increment_id").asText());
    }
}
