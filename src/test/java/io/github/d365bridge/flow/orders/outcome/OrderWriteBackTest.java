package io.github.d365bridge.flow.orders.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import io.github.d365bridge.testing.TestAzurite;

/** The D365 number reaches the Commerce sandbox once, and the ledger records it. */
class OrderWriteBackTest {

    private static CommerceSandbox sandbox;
    private static CommerceClient commerce;
    private final OrderLedger ledger = new OrderLedger(TestAzurite.storage(), TestAzurite.uniqueName("Ledger"));

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(3).build());
        commerce = CommerceClient.create(CommerceClientOptions.builder(sandbox.baseUrl(),
                new CommerceCredentials.OAuth1(sandbox.options().integration())).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void writesCommentAndExtOrderIdOnceAndMarksTheOrderWrittenBack() {
        ObjectNode order = sandbox.data().orders().get(0);
        int entityId = order.get("entity_id").asInt();
        OrderKey key = new OrderKey("default", order.get("increment_id").asText());
        imported(key, entityId, "SO-000123");
        OrderWriteBack writeBack = new OrderWriteBack(commerce, ledger, true);

        assertThat(writeBack.writeBack(key).state()).isEqualTo(OrderState.WRITTEN_BACK);
        assertThat(writeBack.writeBack(key).state()).as("a repeated message changes nothing")
                .isEqualTo(OrderState.WRITTEN_BACK);

        ObjectNode after = sandbox.data().order(entityId).orElseThrow();
        assertThat(after.get("ext_order_id").asText()).isEqualTo("SO-000123");
        assertThat(after.withArray("status_histories")).hasSize(1);
        assertThat(after.withArray("status_histories").get(0).get("comment").asText())
                .contains("SO-000123").contains("usmf");
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
