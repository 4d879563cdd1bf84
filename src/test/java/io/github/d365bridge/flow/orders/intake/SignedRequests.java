package io.github.d365bridge.flow.orders.intake;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.github.d365bridge.ground.Json;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Bodies and signatures made with the sandbox's own keys, for the cases its generator does not send. */
public final class SignedRequests {

    static final String KEY_PATH_1 = "/prod/keys/pub-key-sandbox-1.pem";
    static final String KEY_PATH_2 = "/prod/keys/pub-key-sandbox-2.pem";

    private final CommerceSandbox sandbox;

    SignedRequests(CommerceSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public static ObjectNode order(int entityId, String incrementId, Object storeId) {
        ObjectNode order = Json.mapper().createObjectNode().put("entity_id", entityId).put("increment_id", incrementId)
                .put("updated_at", "2026-11-27 05:00:00").put("status", "pending");
        if (storeId instanceof Integer i) {
            order.put("store_id", i);
        } else if (storeId != null) {
            order.put("store_id", storeId.toString());
        }
        return order;
    }

    public static byte[] webhookBody(String eventName, ObjectNode order) {
        ObjectNode body = Json.mapper().createObjectNode().put("eventName", eventName);
        body.putObject("data").set("order", order);
        return bytes(body.toString());
    }

    static ObjectNode cloudEvent(String type, String eventId, ObjectNode value, String recipientField, String recipient) {
        ObjectNode event = Json.mapper().createObjectNode().put("specversion", "1.0").put("type", type)
                .put("source", "urn:test").put("id", eventId).put("event_id", eventId).put(recipientField, recipient);
        event.putObject("data").put("key", eventId).set("value", value);
        return event;
    }

    static byte[] array(ObjectNode... events) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (ObjectNode e : events) {
            array.add(e);
        }
        return bytes(array.toString());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    String clientId() {
        return sandbox.options().ioEventsClientId();
    }

    RequestSpecification webhook(byte[] signedBody, byte[] sentBody) {
        return webhook(sandbox.options().webhookKeyPair(), signedBody, sentBody);
    }

    RequestSpecification webhook(KeyPair key, byte[] signedBody, byte[] sentBody) {
        return given().contentType("application/json")
                .header("x-adobe-commerce-webhook-signature", EventSigner.sign(key, signedBody)).body(sentBody);
    }

    /** An I/O Events delivery signed with both sandbox keys over {@code signedBody}. */
    RequestSpecification ioEvents(byte[] signedBody, byte[] sentBody) {
        return ioEventsWithout(null, signedBody, sentBody);
    }

    /** The same, without the header {@code omitted} (null: all four headers). */
    RequestSpecification ioEventsWithout(String omitted, byte[] signedBody, byte[] sentBody) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("x-adobe-digital-signature-1", EventSigner.sign(sandbox.options().ioEventsKeyPair1(), signedBody));
        headers.put("x-adobe-digital-signature-2", EventSigner.sign(sandbox.options().ioEventsKeyPair2(), signedBody));
        headers.put("x-adobe-public-key1-path", KEY_PATH_1);
        headers.put("x-adobe-public-key2-path", KEY_PATH_2);
        headers.remove(omitted);
        return given().contentType("application/cloudevents+json").headers(headers).body(sentBody);
    }
}
