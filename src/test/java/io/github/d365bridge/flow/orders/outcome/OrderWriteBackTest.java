package io.github.d365bridge.flow.orders.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.testing.CommerceRequestContract;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The D365 number reaches the Commerce sandbox once, as an internal comment and, if enabled, in
 * {@code ext_order_id}; the ledger records it, the log says it once, and nothing else of the order changes.
 */
class OrderWriteBackTest {

    private static CommerceSandbox sandbox;
    private static CommerceClient commerce;
    private final OrderLedger ledger = new OrderLedger(TestAzurite.storage(), TestAzurite.uniqueName("Ledger"));
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() == Level.INFO.intValue()) {
                logged.add(String.format(record.getMessage(), record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(3).build());
        commerce = CommerceClient.create(CommerceClientOptions.builder(sandbox.baseUrl(),
                new CommerceCredentials.OAuth1(sandbox.options().integration())).build());
        sandbox.traffic().recording(true);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void captureLog() {
        Logger.getLogger(OrderWriteBack.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(OrderWriteBack.class.getName()).removeHandler(capture);
    }

    @Test
    void byDefaultWritesTheCommentOnceLogsItOnceAndLeavesTheOrderEntityAlone() {
        ObjectNode before = sandbox.data().orders().get(0).deepCopy();
        int entityId = before.get("entity_id").asInt();
        OrderKey key = new OrderKey("default", before.get("increment_id").asText());
        imported(key, entityId, "SO-000123");
        OrderWriteBack writeBack = new OrderWriteBack(commerce, ledger, false);
        sandbox.traffic().clear();

        assertThat(writeBack.writeBack(key).state()).isEqualTo(OrderState.WRITTEN_BACK);
        assertThat(writeBack.writeBack(key).state()).as("a repeated message changes nothing")
                .isEqualTo(OrderState.WRITTEN_BACK);

        ObjectNode after = sandbox.data().order(entityId).orElseThrow();
        assertThat(after.withArray("status_histories")).hasSize(1);
        assertThat(after.withArray("status_histories").get(0).get("comment").asText())
                .isEqualTo("Imported into Dynamics 365 as sales order SO-000123 in company usmf.");
        assertThat(after.has("ext_order_id")).isFalse();
        assertThat(withoutHistory(after)).isEqualTo(withoutHistory(before));
        assertThat(sandbox.traffic().exchanges()).extracting(e -> e.method() + " " + e.uri().getPath())
                .containsExactly("POST /rest/default/V1/orders/" + entityId + "/comments");
        assertThat(logged).containsExactly("Order " + key + " written back: D365 sales order SO-000123 in usmf");
    }

    @Test
    void extOrderIdIsOptInAndSavedWithTheOrdersOwnValuesOnly() {
        ObjectNode before = sandbox.data().orders().get(1).deepCopy();
        int entityId = before.get("entity_id").asInt();
        OrderKey key = new OrderKey("default", before.get("increment_id").asText());
        imported(key, entityId, "SO-000124");
        OrderWriteBack writeBack = new OrderWriteBack(commerce, ledger, true);
        sandbox.traffic().clear();

        writeBack.writeBack(key);
        writeBack.writeBack(key);

        ObjectNode after = sandbox.data().order(entityId).orElseThrow();
        assertThat(after.get("ext_order_id").asText()).isEqualTo("SO-000124");
        assertThat(after.withArray("status_histories")).hasSize(1);
        ObjectNode unchanged = withoutHistory(after);
        unchanged.remove("ext_order_id");
        assertThat(unchanged).as("totals, e-mail, items, state: as they were").isEqualTo(withoutHistory(before));
        assertThat(sandbox.traffic().exchanges()).extracting(e -> e.method() + " " + e.uri().getPath()).containsExactly(
                "GET /rest/default/V1/orders/" + entityId, "POST /rest/default/V1/orders/" + entityId + "/comments",
                "POST /rest/default/V1/orders");
        assertThat(CommerceRequestContract.load().checkAll(sandbox.traffic().exchanges())).isEmpty();
        assertThat(logged).containsExactly("Order " + key + " written back: D365 sales order SO-000124 in usmf");
    }

    /** Commerce refuses for good (the order is gone): FAILED with both facts, not a message poisoned for ever. */
    @Test
    void aWriteBackCommerceRefusesForGoodEndsFailedSayingTheOrderIsInD365() {
        OrderKey key = new OrderKey("default", "000009999");
        imported(key, 999_999, "SO-000126");

        LedgerEntry result = new OrderWriteBack(commerce, ledger, false).writeBack(key);

        assertThat(result.state()).isEqualTo(OrderState.FAILED);
        assertThat(ledger.find(key).orElseThrow().lastError()).startsWith("In D365 as sales order SO-000126 in usmf,"
                + " but Commerce refused the write-back: ");
        assertThat(ledger.find(key).orElseThrow().salesOrderNumber()).isEqualTo("SO-000126");
    }

    /** A crash after Commerce took both writes but before the ledger did: the redelivery writes nothing. */
    @Test
    void anOrderThatAlreadyCarriesTheNumberIsNotWrittenAgain() {
        ObjectNode order = sandbox.data().orders().get(2);
        int entityId = order.get("entity_id").asInt();
        OrderKey key = new OrderKey("default", order.get("increment_id").asText());
        imported(key, entityId, "SO-000125");
        commerce.orders().writeExtOrderId(commerce.orders().get(entityId).orElseThrow(), "SO-000125");

        assertThat(new OrderWriteBack(commerce, ledger, true).writeBack(key).state()).isEqualTo(OrderState.WRITTEN_BACK);
        assertThat(sandbox.data().order(entityId).orElseThrow().withArray("status_histories")).isEmpty();
    }

    private static ObjectNode withoutHistory(ObjectNode order) {
        ObjectNode copy = order.deepCopy();
        copy.remove(List.of("status_histories", "updated_at"));
        return copy;
    }

    @Test
    void refusesOrdersThatAreNotImported() {
        OrderKey key = new OrderKey("default", "NOT-IMPORTED-1");
        ledger.insertReceived(key, 1L, "corr", "webhook");
        assertThatThrownBy(() -> new OrderWriteBack(commerce, ledger, false).writeBack(key))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("state RECEIVED");
    }

    private void imported(OrderKey key, int entityId, String salesOrderNumber) {
        ledger.insertReceived(key, (long) entityId, "corr-" + key, "webhook");
        LedgerEntry entry = ledger.find(key).orElseThrow();
        ledger.update(entry.moveTo(OrderState.MAPPED).withLegalEntity("usmf"));
        entry = ledger.find(key).orElseThrow();
        ledger.update(entry.moveTo(OrderState.PACKAGED).withBatch("b1", "exec-1"));
        entry = ledger.find(key).orElseThrow();
        ledger.update(entry.moveTo(OrderState.IMPORTING));
        entry = ledger.find(key).orElseThrow();
        ledger.update(entry.moveTo(OrderState.IMPORTED).withSalesOrderNumber(salesOrderNumber));
    }

}
