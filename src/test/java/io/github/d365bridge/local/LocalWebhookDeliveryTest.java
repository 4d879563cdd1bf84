package io.github.d365bridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.flow.orders.intake.IntakeQueue;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.orders.Delivery;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.http.HttpServer;

/**
 * The local run's webhook wiring against the running bridge, as far as a test build allows (the dev-only
 * beans do not exist here): a Commerce sandbox started without a webhook target, as in the local run, is
 * routed by {@link LocalWebhookRoute} to the port the bridge's HTTP server really listens on, and its
 * signed webhooks become {@code order.received} messages. The sandbox signs with the key pair whose public
 * half the test bridge's intake is configured with (the shared test sandbox's), as the local run's sandbox
 * signs with {@link LocalWebhookKeySource}'s.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class LocalWebhookDeliveryTest {

    @InjectCommerceSandbox
    CommerceSandbox storeWithTheIntakeKey;
    @Inject
    HttpServer http;
    @Inject
    StorageAccount storage;
    @ConfigProperty(name = OrderReceived.QUEUE_SETTING)
    String intakeQueue;
    @ConfigProperty(name = "quarkus.http.root-path")
    String rootPath;

    @Test
    void aSandboxRoutedToTheBridgesRealPortDeliversSignedWebhooksThatAreEnqueued() {
        IntakeQueue queue = new IntakeQueue(storage, intakeQueue);
        await().atMost(Duration.ofSeconds(30)).until(() -> storeWithTheIntakeKey.orders().pendingDeliveries() == 0);
        queue.take();
        try (CommerceSandbox local = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .webhookKeyPair(storeWithTheIntakeKey.options().webhookKeyPair()).build())) {
            local.orders().place(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> local.orders().pendingDeliveries() == 0);
            assertThat(local.orders().deliveries()).as("no target yet, nothing delivered").isEmpty();

            LocalWebhookRoute route = LocalWebhookRoute.to(http.getPort(), rootPath, 0);
            route.applyTo(local);
            List<ObjectNode> placed = local.orders().place(3);

            List<MessageEnvelope> messages = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                messages.addAll(queue.take());
                return messages.size() >= 3 && local.orders().pendingDeliveries() == 0;
            });
            assertThat(route.target().getHost()).isEqualTo("127.0.0.1");
            assertThat(local.orders().deliveries()).extracting(Delivery::channel, Delivery::status)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple("webhook", 200));
            assertThat(messages).extracting(m -> payload(m).incrementId())
                    .containsExactlyInAnyOrderElementsOf(placed.stream().map(o -> o.get("increment_id").asText()).toList());
            assertThat(messages).allSatisfy(m -> assertThat(payload(m).source()).isEqualTo("webhook"));
        }
    }

    private static OrderReceived payload(MessageEnvelope message) {
        return Json.mapper().convertValue(message.payload(), OrderReceived.class);
    }
}
