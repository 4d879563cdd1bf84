package io.github.d365bridge.flow.orders.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.Delivery;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The sandbox store places orders and delivers them, signed, to the running bridge over real HTTP;
 * the intake queue must then hold exactly one order.received per delivery, keyed by store code and
 * increment id.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class CommerceIntakeDeliveryTest {

    private static final Map<String, String> STORE_CODES = Map.of("1", "default", "2", "eu_en");

    @InjectCommerceSandbox
    CommerceSandbox sandbox;
    @Inject
    StorageAccount storage;
    @ConfigProperty(name = OrderReceived.QUEUE_SETTING)
    String intakeQueue;

    private IntakeQueue queue;

    @BeforeEach
    void emptyQueue() {
        queue = new IntakeQueue(storage, intakeQueue);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.orders().pendingDeliveries() == 0);
        queue.take();
    }

    @Test
    void signedWebhooksBecomeOneMessagePerOrder() {
        List<ObjectNode> placed = sandbox.orders().place(4, OrderKind.MIXED, false,
                new DeliveryPolicy(1, false, 0, true, false));

        List<MessageEnvelope> messages = awaitMessages(4);
        assertThat(deliveryStatuses(placed, "webhook")).containsOnly(200);
        assertThat(messages).extracting(MessageEnvelope::businessKey).containsExactlyInAnyOrderElementsOf(keys(placed));
        for (MessageEnvelope message : messages) {
            assertThat(message.type()).isEqualTo(OrderReceived.MESSAGE_TYPE);
            assertThat(message.correlationId()).isNotBlank();
            OrderReceived payload = payload(message);
            ObjectNode order = byIncrementId(placed, payload.incrementId());
            assertThat(payload.source()).isEqualTo("webhook");
            assertThat(payload.entityId()).isEqualTo(order.get("entity_id").asLong());
            assertThat(payload.storeCode()).isEqualTo(STORE_CODES.get(order.get("store_id").asText()));
            assertThat(payload.updatedAt()).isEqualTo(order.get("updated_at").asText());
            assertThat(payload.key().toString()).isEqualTo(message.businessKey());
        }
    }

    @Test
    void signedIoEventsDeliveredTwiceOutOfOrderBecomeDuplicateMessagesCorrelatedByEventId() {
        List<ObjectNode> placed = sandbox.orders().place(3, OrderKind.MIXED, false,
                new DeliveryPolicy(2, true, 0, false, true));

        List<MessageEnvelope> messages = awaitMessages(6);
        assertThat(deliveryStatuses(placed, "io-events")).containsOnly(200);
        List<String> expected = new ArrayList<>();
        keys(placed).forEach(k -> expected.addAll(List.of(k, k)));
        assertThat(messages).extracting(MessageEnvelope::businessKey).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> eventIds = sandbox.orders().deliveries().stream().filter(d -> d.channel().equals("io-events"))
                .map(Delivery::eventId).collect(Collectors.toSet());
        assertThat(messages).allSatisfy(m -> {
            assertThat(payload(m).source()).isEqualTo("io-event");
            assertThat(eventIds).contains(m.correlationId());
        });
        // both copies of one order carry the same event id: the ledger can tell them apart from a new event
        assertThat(messages.stream().collect(Collectors.groupingBy(MessageEnvelope::businessKey,
                Collectors.mapping(MessageEnvelope::correlationId, Collectors.toSet()))).values())
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    @Test
    void neverDeliveredOrdersLeaveNothingOnTheQueue() {
        sandbox.orders().place(2, OrderKind.GUEST, false, new DeliveryPolicy(1, false, 100, true, true));
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.orders().pendingDeliveries() == 0);
        assertThat(queue.take()).isEmpty();
    }

    @Test
    void challengeHandshakeEchoesTheChallengeAndRefusesOddValues() {
        given().queryParam("challenge", "3f1a-77c0_ab.x").get("/intake/commerce/events")
                .then().statusCode(200).body("challenge", equalTo("3f1a-77c0_ab.x"));
        given().queryParam("challenge", "<script>").get("/intake/commerce/events").then().statusCode(400);
        given().get("/intake/commerce/events").then().statusCode(400);
    }

    private List<MessageEnvelope> awaitMessages(int count) {
        List<MessageEnvelope> taken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            taken.addAll(queue.take());
            return taken.size() >= count && sandbox.orders().pendingDeliveries() == 0;
        });
        taken.addAll(queue.take()); // nothing more may arrive than one per delivery
        assertThat(taken).hasSize(count);
        return taken;
    }

    private List<Integer> deliveryStatuses(List<ObjectNode> placed, String channel) {
        Set<Integer> ids = placed.stream().map(o -> o.get("entity_id").asInt()).collect(Collectors.toSet());
        return sandbox.orders().deliveries().stream().filter(d -> ids.contains(d.orderId()))
                .filter(d -> d.channel().equals(channel)).map(Delivery::status).toList();
    }

    private static List<String> keys(List<ObjectNode> placed) {
        return placed.stream().map(o -> STORE_CODES.get(o.get("store_id").asText()) + ":"
                + o.get("increment_id").asText()).toList();
    }

    private static ObjectNode byIncrementId(List<ObjectNode> placed, String incrementId) {
        return placed.stream().filter(o -> o.get("increment_id").asText().equals(incrementId)).findFirst().orElseThrow();
    }

    static OrderReceived payload(MessageEnvelope message) {
        try {
            return Json.mapper().treeToValue(message.payload(), OrderReceived.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("payload is not an OrderReceived: " + message.payload(), e);
        }
    }
}
