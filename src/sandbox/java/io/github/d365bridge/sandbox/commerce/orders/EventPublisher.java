package io.github.d365bridge.sandbox.commerce.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

/**
 * Sends order placements to the intake as the store would: a Commerce webhook
 * ({@code x-adobe-commerce-webhook-signature}, RSA-SHA256 by the store key over the raw body or,
 * when configured, over its base64 text) and/or an Adobe I/O Events CloudEvent signed twice with
 * the two rotating keys, whose public halves the sandbox serves under {@code /_sandbox/keys}.
 * Synchronous per call: the generator orders deliveries itself.
 */
public final class EventPublisher {

    public static final String EVENT_NAME = "observer.sales_order_save_after";
    public static final String EVENT_TYPE = "com.adobe.commerce." + EVENT_NAME;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Settable after start: the local run learns its intake's port only once its HTTP server listens. */
    private volatile URI webhookUrl;
    private final boolean signBase64;
    private final KeyPair webhookKeys;
    private final URI ioEventsUrl;
    private final KeyPair ioKey1;
    private final KeyPair ioKey2;
    private final String clientId;
    private final Map<String, String> keyPaths;
    private final List<Delivery> log = new CopyOnWriteArrayList<>();

    public EventPublisher(URI webhookUrl, boolean signBase64, KeyPair webhookKeys, URI ioEventsUrl, KeyPair ioKey1,
            KeyPair ioKey2, String clientId, Map<String, String> keyPaths) {
        this.webhookUrl = webhookUrl;
        this.signBase64 = signBase64;
        this.webhookKeys = webhookKeys;
        this.ioEventsUrl = ioEventsUrl;
        this.ioKey1 = ioKey1;
        this.ioKey2 = ioKey2;
        this.clientId = clientId;
        this.keyPaths = Map.copyOf(keyPaths);
    }

    public boolean hasTargets() {
        return webhookUrl != null || ioEventsUrl != null;
    }

    /** Sends the webhooks of later deliveries to {@code url} (null: no webhooks). */
    public void webhookUrl(URI url) {
        this.webhookUrl = url;
    }

    void webhook(ObjectNode order, int attempt) {
        URI target = webhookUrl;
        if (target == null) {
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode().put("eventName", EVENT_NAME);
        body.putObject("data").set("order", order);
        byte[] raw = body.toString().getBytes(StandardCharsets.UTF_8);
        byte[] signed = signBase64 ? java.util.Base64.getEncoder().encode(raw) : raw;
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("x-adobe-commerce-webhook-signature", EventSigner.sign(webhookKeys, signed))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        log.add(new Delivery(order.get("entity_id").asInt(), "webhook", null, attempt, send(request)));
    }

    void ioEvent(ObjectNode order, String eventId, Instant time, int attempt) {
        if (ioEventsUrl == null) {
            return;
        }
        ObjectNode event = Json.mapper().createObjectNode().put("specversion", "1.0").put("type", EVENT_TYPE)
                .put("source", "urn:uuid:" + UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)))
                .put("id", eventId).put("time", time.toString()).put("datacontenttype", "application/json")
                .put("event_id", eventId).put("recipientclientid", clientId);
        ObjectNode data = event.putObject("data");
        data.put("key", eventId);
        data.set("value", order);
        data.putObject("_metadata").put("commerceEdition", "Adobe Commerce").put("commerceVersion", "2.4.8")
                .put("storeId", order.path("store_id").asText()).put("eventsClientVersion", "1.12.0");
        byte[] raw = event.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(ioEventsUrl).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/cloudevents+json")
                .header("x-adobe-event-code", EVENT_TYPE).header("x-adobe-event-id", eventId)
                .header("x-adobe-digital-signature-1", EventSigner.sign(ioKey1, raw))
                .header("x-adobe-digital-signature-2", EventSigner.sign(ioKey2, raw))
                .header("x-adobe-public-key1-path", keyPaths.get("1"))
                .header("x-adobe-public-key2-path", keyPaths.get("2"));
        if (attempt > 1) {
            request.header("x-adobe-retry-count", String.valueOf(attempt - 1));
        }
        log.add(new Delivery(order.get("entity_id").asInt(), "io-events", eventId, attempt,
                send(request.POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build())));
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public List<Delivery> deliveries() {
        return List.copyOf(log);
    }
}
