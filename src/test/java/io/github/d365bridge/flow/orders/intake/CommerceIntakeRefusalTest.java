package io.github.d365bridge.flow.orders.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every way a call can be refused or ignored, each checked against the intake queue: answers are given
 * only after enqueueing, so the queue can be read right after the answer. Bodies are signed with the
 * sandbox's keys, so a refusal proves the check it names, not a broken signature.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class CommerceIntakeRefusalTest {

    private static final String WEBHOOK = "/intake/commerce/webhook";
    private static final String EVENTS = "/intake/commerce/events";
    private static final String SAVE_AFTER = "observer.sales_order_save_after";
    private static final String IO_SAVE_AFTER = "com.adobe.commerce." + SAVE_AFTER;

    @InjectCommerceSandbox
    CommerceSandbox sandbox;
    @Inject
    StorageAccount storage;
    @ConfigProperty(name = OrderReceived.QUEUE_SETTING)
    String intakeQueue;

    private IntakeQueue queue;
    private SignedRequests signed;

    @BeforeEach
    void emptyQueue() {
        queue = new IntakeQueue(storage, intakeQueue);
        signed = new SignedRequests(sandbox);
        org.awaitility.Awaitility.await().until(() -> sandbox.orders().pendingDeliveries() == 0);
        queue.take();
    }

    @Test
    void ownSignedWebhookIsAcceptedSoTheRefusalsBelowAreMeaningful() {
        byte[] body = SignedRequests.webhookBody("observer.sales_order_place_after",
                SignedRequests.order(9001, "R000009001", 2));
        signed.webhook(body, body).post(WEBHOOK).then().statusCode(200).contentType(containsString("application/json"))
                .body("op", equalTo("success"));
        assertThat(queue.take()).extracting(MessageEnvelope::businessKey).containsExactly("eu_en:R000009001");
    }

    @Test
    void tamperedWrongKeyOrUnsignedWebhooksAre401() {
        byte[] body = SignedRequests.webhookBody(SAVE_AFTER, SignedRequests.order(9002, "R000009002", 1));
        byte[] tampered = SignedRequests.webhookBody(SAVE_AFTER, SignedRequests.order(9002, "R000009003", 1));

        signed.webhook(body, tampered).post(WEBHOOK).then().statusCode(401);
        signed.webhook(EventSigner.generate(), body, body).post(WEBHOOK).then().statusCode(401);
        given().contentType("application/json").body(body).post(WEBHOOK).then().statusCode(401)
                .body("error", containsString("x-adobe-commerce-webhook-signature"));
        given().contentType("application/json").header("x-adobe-commerce-webhook-signature", "not base64!")
                .body(body).post(WEBHOOK).then().statusCode(401);
        assertNothingEnqueued();
    }

    @Test
    void ioEventsWithTamperedBodyMissingHeaderOrForeignRecipientAre401() {
        ObjectNode ours = SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-1", SignedRequests.order(9010, "R000009010", 1),
                "recipientclientid", signed.clientId());
        ObjectNode foreign = SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-2", SignedRequests.order(9011, "R000009011", 1),
                "recipientclientid", "someone-else");
        byte[] good = SignedRequests.array(ours);
        byte[] tampered = SignedRequests.bytes(new String(good, java.nio.charset.StandardCharsets.UTF_8)
                .replace("R000009010", "R000009099"));
        byte[] mixed = SignedRequests.array(ours, foreign);

        signed.ioEvents(good, tampered).post(EVENTS).then().statusCode(401);
        signed.ioEvents(mixed, mixed).post(EVENTS).then().statusCode(401)
                .body("error", containsString("Event 1 of 2"));
        for (String header : List.of("x-adobe-digital-signature-1", "x-adobe-digital-signature-2",
                "x-adobe-public-key1-path", "x-adobe-public-key2-path")) {
            signed.ioEventsWithout(header, good, good).post(EVENTS).then().statusCode(401)
                    .body("error", containsString(header));
        }
        given().contentType("application/cloudevents+json").body(good).post(EVENTS).then().statusCode(401);
        assertNothingEnqueued();
    }

    @Test
    void eitherValidIoSignatureIsEnoughAndArraysAndLegacyRecipientSpellingAreAccepted() {
        ObjectNode first = SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-21", SignedRequests.order(9021, "R000009021", "1"),
                "recipient_client_id", signed.clientId());
        ObjectNode second = SignedRequests.cloudEvent("com.adobe.commerce.observer.sales_order_save_commit_after",
                "evt-22", SignedRequests.order(9022, "R000009022", 2), "recipientclientid", signed.clientId());
        byte[] body = SignedRequests.array(first, second);

        // signature 1 does not match (made over other bytes): signature 2 alone carries the delivery (keys rotate)
        byte[] other = SignedRequests.bytes("other bytes");
        signed.ioEventsWithout("x-adobe-digital-signature-1", body, body)
                .header("x-adobe-digital-signature-1", EventSigner.sign(sandbox.options().ioEventsKeyPair1(), other))
                .post(EVENTS).then().statusCode(200);
        List<MessageEnvelope> messages = queue.take();
        assertThat(messages).extracting(MessageEnvelope::businessKey)
                .containsExactlyInAnyOrder("default:R000009021", "eu_en:R000009022");
        assertThat(messages).extracting(MessageEnvelope::correlationId).containsExactlyInAnyOrder("evt-21", "evt-22");
    }

    @Test
    void malformedOrIncompleteOrdersAre400NamingWhatIsWrong() {
        byte[] garbage = SignedRequests.bytes("{\"eventName\":\"observer.sales_order_save_after\",\"data\":");
        signed.webhook(garbage, garbage).post(WEBHOOK).then().statusCode(400).body("error", containsString("JSON"));

        ObjectNode noIncrement = SignedRequests.order(9030, "x", 1);
        noIncrement.remove("increment_id");
        byte[] missing = SignedRequests.webhookBody(SAVE_AFTER, noIncrement);
        signed.webhook(missing, missing).post(WEBHOOK).then().statusCode(400)
                .body("error", containsString("increment_id"));

        ObjectNode noStore = SignedRequests.order(9031, "R000009031", null);
        byte[] event = SignedRequests.array(SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-31", noStore,
                "recipientclientid", signed.clientId()));
        signed.ioEvents(event, event).post(EVENTS).then().statusCode(400).body("error", containsString("store_id"));

        byte[] notJson = SignedRequests.bytes("[{\"type\":");
        signed.ioEvents(notJson, notJson).post(EVENTS).then().statusCode(400);
        assertNothingEnqueued();
    }

    @Test
    void unknownStoreIdIs400NamingItAndNothingOfTheDeliveryIsEnqueued() {
        byte[] body = SignedRequests.array(
                SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-41", SignedRequests.order(9041, "R000009041", 1),
                        "recipientclientid", signed.clientId()),
                SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-42", SignedRequests.order(9042, "R000009042", 99),
                        "recipientclientid", signed.clientId()));
        signed.ioEvents(body, body).post(EVENTS).then().statusCode(400).body("error", containsString("store_id 99"));

        byte[] webhook = SignedRequests.webhookBody(SAVE_AFTER, SignedRequests.order(9043, "R000009043", 7));
        signed.webhook(webhook, webhook).post(WEBHOOK).then().statusCode(400).body("error", containsString("store_id 7"));
        assertNothingEnqueued();
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnored() {
        byte[] webhook = SignedRequests.webhookBody("observer.catalog_product_save_after",
                SignedRequests.order(9050, "R000009050", 1));
        signed.webhook(webhook, webhook).post(WEBHOOK).then().statusCode(200).body("op", equalTo("success"));

        byte[] event = SignedRequests.array(SignedRequests.cloudEvent("com.adobe.commerce.observer.customer_save_after",
                "evt-51", SignedRequests.order(9051, "R000009051", 1), "recipientclientid", signed.clientId()));
        signed.ioEvents(event, event).post(EVENTS).then().statusCode(200);
        assertNothingEnqueued();
    }

    /** Adobe resends what gets no 2xx, so a signed event we do not handle must not be refused. */
    @Test
    void signedDeliveriesOfAnotherTypeOrWithoutTypeAre200AndIgnoredUnsignedStay401() {
        ObjectNode withoutType = SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-52", SignedRequests.order(9052, "R000009052", 1),
                "recipientclientid", signed.clientId());
        withoutType.remove("type");
        byte[] untyped = SignedRequests.array(withoutType);
        signed.ioEvents(untyped, untyped).post(EVENTS).then().statusCode(200);
        byte[] single = SignedRequests.bytes(SignedRequests.cloudEvent("com.adobe.commerce.observer.catalog_product_save_after",
                "evt-53", SignedRequests.order(9053, "R000009053", 1), "recipientclientid", signed.clientId()).toString());
        signed.ioEvents(single, single).post(EVENTS).then().statusCode(200);
        byte[] webhook = SignedRequests.bytes("{\"data\":{\"order\":" + SignedRequests.order(9054, "R000009054", 1) + "}}");
        signed.webhook(webhook, webhook).post(WEBHOOK).then().statusCode(200).body("op", equalTo("success"));

        given().contentType("application/cloudevents+json").body(untyped).post(EVENTS).then().statusCode(401);
        given().contentType("application/json").body(webhook).post(WEBHOOK).then().statusCode(401);
        assertNothingEnqueued();
    }

    @Test
    void oversizedBodiesAre413() {
        ObjectNode order = SignedRequests.order(9060, "R000009060", 1).put("padding", "x".repeat(300 * 1024));
        byte[] big = SignedRequests.webhookBody(SAVE_AFTER, order);
        signed.webhook(big, big).post(WEBHOOK).then().statusCode(413);
        byte[] bigEvent = SignedRequests.array(SignedRequests.cloudEvent(IO_SAVE_AFTER, "evt-60", order,
                "recipientclientid", signed.clientId()));
        signed.ioEvents(bigEvent, bigEvent).post(EVENTS).then().statusCode(413);
        assertNothingEnqueued();
    }

    private void assertNothingEnqueued() {
        assertThat(queue.take()).isEmpty();
        assertThat(queue.depth()).isZero();
    }
}
