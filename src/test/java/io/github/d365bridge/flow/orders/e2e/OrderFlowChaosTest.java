package io.github.d365bridge.flow.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.flow.orders.intake.OrderPollHandler;
import io.github.d365bridge.runtime.StandaloneRuntime;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.sandbox.d365.AnswerLoss;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The order flow under trouble, in the running app: most webhooks once, a fifth of them two or three
 * times and out of order, some orders only visible to the poll; about 10 % of Commerce and D365 OData
 * calls answered 429 or 503; write URLs that expired before the upload; about 2 % of the orders carrying an
 * item D365 does not know; one import finishing 25 s after its deadline; imports and write URLs that D365
 * created but whose answers were lost; and the runtime halted and resumed mid-run (the process kills are
 * {@code OrderFlowChaosIT}'s). Afterwards every good order is in D365 exactly once with its number back in Commerce,
 * every bad order failed with D365's reason and is not in D365, and the counts add up exactly.
 * Size: 300 orders by default (about 70 s); {@code ./mvnw verify -Dchaos.orders=1000} for the full size.
 */
@QuarkusTest
@TestProfile(OrderFlowTestProfile.class)
class OrderFlowChaosTest {

    private static final Logger LOG = Logger.getLogger(OrderFlowChaosTest.class);
    private static final int ORDERS = size();
    private static final String UNKNOWN_ITEM = "CHAOS-UNKNOWN-ITEM";

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @InjectD365Sandbox
    D365Sandbox d365;
    @Inject
    OrderLedger ledger;
    @Inject
    OrderPollHandler poll;
    @Inject
    StandaloneRuntime runtime;

    @Test
    void everyGoodOrderOnceEveryBadOneFailedWithD365sReasonCountsExact() {
        SandboxAlignment.lineUp(commerce, d365);
        List<ObjectNode> placed = new ArrayList<>();
        int bad = Math.max(1, ORDERS / 50);
        int repeated = ORDERS / 5;
        int pollOnly = ORDERS / 20;
        // The bad orders are placed without delivery and given an unknown item before the poll finds them.
        List<ObjectNode> badOrders = commerce.orders().place(bad, OrderKind.MIXED, false,
                new DeliveryPolicy(1, false, 100, true, false));
        for (ObjectNode order : badOrders) {
            synchronized (commerce.data()) { // the stored order, not the copy place() returned
                ObjectNode stored = commerce.data().orderTable().get(order.get("entity_id").asInt()).orElseThrow();
                // every row: a configurable's parent row is collapsed into its child's line, so a bad SKU on
                // the parent alone would (rightly) never reach D365
                stored.withArray("items").forEach(item -> ((ObjectNode) item).put("sku", UNKNOWN_ITEM));
            }
        }
        placed.addAll(badOrders);

        // one import finishes well after its 15 s deadline; some imports and write URLs are created by D365
        // but their answers lost on the way back
        d365.faults().throttle(5, 1).serverErrors(5, 503).expireNextWriteUrls(3)
                .lateDmfJobs(1, 0, Duration.ofSeconds(25))
                .loseAnswers("ImportFromPackage", 10, 1, AnswerLoss.How.RESET)
                .loseAnswers("GetAzureWriteUrl", 5, 0, AnswerLoss.How.BAD_GATEWAY);
        commerce.faults().add(FaultRule.always("*", FaultKind.THROTTLE).withPercent(5).withRetryAfter(1))
                .add(FaultRule.always("*", FaultKind.UNAVAILABLE).withPercent(5));
        try {
            placed.addAll(commerce.orders().place(pollOnly, OrderKind.MIXED, true, new DeliveryPolicy(1, false, 100, true, false)));
            placed.addAll(commerce.orders().place(repeated / 2, OrderKind.MIXED, true, new DeliveryPolicy(2, true, 0, true, false)));
            placed.addAll(commerce.orders().place(repeated - repeated / 2, OrderKind.MIXED, false,
                    new DeliveryPolicy(3, true, 0, true, false)));
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.countsByState().get(OrderState.IMPORTING) > 0);
            int rest = ORDERS - placed.size();
            placed.addAll(commerce.orders().place(rest / 2, OrderKind.MIXED, true, new DeliveryPolicy(1, false, 0, true, false)));

            runtime.halt(); // the process dies mid-run...
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            runtime.resume(); // ...and comes back
            placed.addAll(commerce.orders().place(rest - rest / 2, OrderKind.MIXED, false,
                    new DeliveryPolicy(1, false, 0, true, false)));

            Set<OrderKey> all = placed.stream().map(OrderFlowChaosTest::key).collect(Collectors.toSet());
            assertThat(all).hasSize(ORDERS);
            await().atMost(Duration.ofSeconds(Math.max(180, ORDERS / 2))).pollInterval(Duration.ofSeconds(3)).until(() -> {
                poll.poll();
                return all.stream().allMatch(k -> ledger.find(k).map(LedgerEntry::state)
                        .filter(s -> s == OrderState.WRITTEN_BACK || s == OrderState.FAILED).isPresent());
            });
            assertThat(d365.faults().injected()).as("every fault kind was reached")
                    .containsKeys("lateJob", "answerLost.ImportFromPackage");
        } finally {
            d365.faults().clear();
            commerce.faults().clear();
        }

        Set<OrderKey> badKeys = badOrders.stream().map(OrderFlowChaosTest::key).collect(Collectors.toSet());
        Map<OrderState, Integer> counts = new HashMap<>();
        for (ObjectNode order : placed) {
            OrderKey key = key(order);
            LedgerEntry entry = ledger.find(key).orElseThrow();
            counts.merge(entry.state(), 1, Integer::sum);
            List<Map<String, Object>> inD365 = d365.data().rows("SalesOrderHeadersV2",
                    r -> key.toString().equals(r.get("CustomersOrderReference")));
            if (badKeys.contains(key)) {
                assertThat(entry.state()).as(key.toString()).isEqualTo(OrderState.FAILED);
                assertThat(entry.lastError()).contains("D365 refused the order").contains(UNKNOWN_ITEM);
                assertThat(inD365).as("bad order " + key + " must not be in D365").isEmpty();
            } else {
                assertThat(entry.state()).as(key + ": " + entry.lastError()).isEqualTo(OrderState.WRITTEN_BACK);
                assertThat(inD365).as("exactly once in D365: " + key).hasSize(1);
                JsonNode inCommerce = commerce.data().order(order.get("entity_id").asInt()).orElseThrow();
                assertThat(inCommerce.findValuesAsText("comment")).as("D365 number written back to " + key)
                        .anyMatch(c -> c.contains(entry.salesOrderNumber()));
            }
        }
        assertThat(counts).containsEntry(OrderState.WRITTEN_BACK, ORDERS - badKeys.size())
                .containsEntry(OrderState.FAILED, badKeys.size());
        LOG.infof("Chaos run: %d orders, %d written back, %d failed with D365's reason", ORDERS,
                counts.get(OrderState.WRITTEN_BACK), counts.get(OrderState.FAILED));
    }

    /** {@code chaos.orders} from the command line (surefire passes the literal placeholder when unset). */
    private static int size() {
        String value = System.getProperty("chaos.orders", "");
        return value.matches("\\d+") ? Integer.parseInt(value) : 300;
    }

    private static OrderKey key(ObjectNode order) {
        return new OrderKey(order.get("store_id").asInt() == 1 ? "default" : "eu_en", order.get("increment_id").asText());
    }
}
