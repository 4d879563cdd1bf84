package io.github.d365bridge.flow.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.storage.FailureLog;
import io.github.d365bridge.storage.FailureRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A Commerce outage longer than the whole retry budget (the test profile's 4 retries, about 7 s, against
 * an outage that lasts until they are used up): the intake messages of orders that arrived by webhook run out of retries and are
 * poisoned, visibly, while the orders wait in RECEIVED; once Commerce is back the reconciler reads and
 * maps them again, and every order ends in D365 exactly once and written back without an operator.
 */
@QuarkusTest
@TestProfile(OrderFlowTestProfile.class)
class OrderFlowOutageTest {

    private static final int ORDERS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(90);

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @InjectD365Sandbox
    D365Sandbox d365;
    @Inject
    OrderLedger ledger;
    @Inject
    FailureLog failures;

    @Test
    void ordersWhoseIntakeWasPoisonedByALongOutageAreReadAgainAndImportedOnce() {
        SandboxAlignment.lineUp(commerce, d365);
        // the outage lasts until every intake message has used up its retries (at most OUTAGE), so it is
        // longer than the retry budget however slow this machine is
        commerce.faults().outage().startNow(OUTAGE);
        List<ObjectNode> placed = commerce.orders().place(ORDERS, OrderKind.MIXED, true,
                new DeliveryPolicy(1, false, 0, true, false));
        Set<OrderKey> keys = placed.stream().map(OrderFlowOutageTest::key).collect(Collectors.toSet());
        try {
            // the retries are used up while Commerce is still down: poisoned, the ledger still RECEIVED
            await().atMost(OUTAGE).pollInterval(Duration.ofMillis(500)).until(() -> poisonedIntakeKeys().containsAll(keys));
            assertThat(commerce.faults().outage().active()).as("Commerce still down when the retries ran out").isTrue();
            assertThat(keys).allSatisfy(k -> assertThat(ledger.find(k).map(LedgerEntry::state)).hasValue(OrderState.RECEIVED));
        } finally {
            commerce.faults().outage().clear();
        }

        // reconcile-after is 30 s in the test profile
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> keys.stream()
                .allMatch(k -> ledger.find(k).map(LedgerEntry::state).filter(OrderState::isFinished).isPresent()));
        for (OrderKey key : keys) {
            LedgerEntry entry = ledger.find(key).orElseThrow();
            assertThat(entry.state()).as(key + ": " + entry.lastError()).isEqualTo(OrderState.WRITTEN_BACK);
            assertThat(d365.data().rows("SalesOrderHeadersV2", r -> key.toString().equals(r.get("CustomersOrderReference"))))
                    .as("exactly once in D365: " + key).hasSize(1);
        }
        assertThat(commerce.faults().injected()).containsKey("outage");
    }

    private Set<OrderKey> poisonedIntakeKeys() {
        return failures.open(1000).stream().filter(f -> "bridge-order-intake".equals(f.queue()))
                .map(FailureRecord::businessKey).filter(k -> k != null && k.contains(":")).map(OrderKey::parse)
                .collect(Collectors.toSet());
    }

    private static OrderKey key(ObjectNode order) {
        return new OrderKey(order.get("store_id").asInt() == 1 ? "default" : "eu_en", order.get("increment_id").asText());
    }
}
