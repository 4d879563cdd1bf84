package io.github.d365bridge.flow.orders.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.functions.OrderPollTimerFunction;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.TestExecutionContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The poll as deployed: the {@code OrderPollTimer} function adapter, wired by CDI to the configured
 * Commerce client, ledger, queue and checkpoint table, registered as a timer on its app setting.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class OrderPollTimerTest {

    private static final Map<String, String> STORE_CODES = Map.of("1", "default", "2", "eu_en");

    @InjectCommerceSandbox
    CommerceSandbox sandbox;
    @Inject
    OrderPollTimerFunction function;
    @Inject
    OrderPollHandler handler;
    @Inject
    HandlerRegistry registry;
    @Inject
    StorageAccount storage;
    @ConfigProperty(name = OrderReceived.QUEUE_SETTING)
    String intakeQueue;

    @Test
    void timerFunctionEnqueuesOrdersThatWereNeverDeliveredAndSetsTheWatermarks() {
        IntakeQueue queue = new IntakeQueue(storage, intakeQueue);
        org.awaitility.Awaitility.await().until(() -> sandbox.orders().pendingDeliveries() == 0);
        queue.take();
        List<ObjectNode> silent = sandbox.orders().place(4, OrderKind.MIXED, false,
                new DeliveryPolicy(1, false, 100, true, true));

        function.run(null, new TestExecutionContext("OrderPollTimer"));

        // other tests' orders (delivered, but never recorded in the ledger) may come too: only ours are asserted
        List<MessageEnvelope> polled = queue.take().stream()
                .filter(m -> "poll".equals(CommerceIntakeDeliveryTest.payload(m).source())).toList();
        assertThat(polled).extracting(MessageEnvelope::businessKey).containsAll(silent.stream()
                .map(o -> STORE_CODES.get(o.get("store_id").asText()) + ":" + o.get("increment_id").asText()).toList());
        silent.stream().map(o -> STORE_CODES.get(o.get("store_id").asText())).distinct()
                .forEach(code -> assertThat(handler.watermarks().read(code)).as(code).isPresent());
    }

    @Test
    void pollIsATimerOnItsAppSetting() {
        assertThat(registry.timers()).anySatisfy((timer, schedule) -> {
            assertThat(timer.name()).isEqualTo("order-poll");
            assertThat(timer.scheduleSetting()).isEqualTo(OrderPollHandler.SCHEDULE_SETTING);
            assertThat(schedule).isEqualTo("0 0 0 1 1 *");
        });
    }
}
