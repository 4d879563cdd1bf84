package io.github.d365bridge.flow.orders.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.ground.Json;

/**
 * Reads the two shapes Commerce sends, strictly (duplicate keys and trailing garbage are malformed):
 * a Commerce webhook {@code {"eventName":"observer.…","data":{"order":{…}}}} and Adobe I/O Events
 * CloudEvents ({@code type} {@code com.adobe.commerce.observer.…}, fields in {@code data.value}), one
 * event or an array of them. Only the fields that name the order are taken; the processing step reads
 * the order itself from Commerce. A delivery of another event type, or without one, is acknowledged
 * and ignored rather than refused: Adobe and Commerce resend every delivery that does not get a 2xx,
 * and a resent event we do not handle is still one we do not handle. Pure: no I/O, no configuration.
 */
public final class OrderEventParser {

    /** How a delivery without an event type is listed among the ignored ones. */
    static final String NO_TYPE = "(no type)";

    private OrderEventParser() {
    }

    /**
     * Streams the body ({@link WebhookBodyReader}) rather than building its tree: a webhook carries the
     * whole order, of which four fields are used.
     *
     * @throws IntakeRejection (400) naming what is malformed or missing
     */
    public static ParsedDelivery parseWebhook(byte[] body) {
        WebhookBodyReader.Webhook webhook = WebhookBodyReader.read(body);
        String eventName = webhook.eventName() == null ? NO_TYPE : webhook.eventName();
        String normalized = OrderEventTypes.normalize(eventName);
        if (!OrderEventTypes.isOrderEvent(normalized)) {
            return new ParsedDelivery(List.of(), List.of(eventName));
        }
        if (webhook.order() == null) {
            throw IntakeRejection.badRequest("webhook " + normalized + " has no data.order object");
        }
        return new ParsedDelivery(List.of(signal(webhook.order(), normalized, null, "data.order")), List.of());
    }

    /** @throws IntakeRejection (400) naming the event (by index) and what is malformed or missing */
    public static ParsedDelivery parseIoEvents(byte[] body) {
        JsonNode root = read(body);
        List<JsonNode> events = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(events::add);
        } else if (root.isObject()) {
            events.add(root);
        }
        if (events.isEmpty()) {
            throw IntakeRejection.badRequest("body must be a CloudEvent object or a non-empty array of them");
        }
        List<OrderSignal> orders = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String where = events.size() == 1 ? "event" : "event " + i;
            if (!event.isObject()) {
                throw IntakeRejection.badRequest(where + " is not a JSON object");
            }
            String type = typeOf(event, "type");
            String normalized = OrderEventTypes.normalize(type);
            if (!OrderEventTypes.isOrderEvent(normalized)) {
                ignored.add(type);
                continue;
            }
            JsonNode value = event.path("data").path("value");
            if (!value.isObject()) {
                throw IntakeRejection.badRequest(where + " (" + normalized + ") has no data.value object");
            }
            String eventId = optionalText(event, "event_id");
            orders.add(signal(OrderFields.of(value), normalized, eventId != null ? eventId : optionalText(event, "id"),
                    where + " data.value"));
        }
        return new ParsedDelivery(orders, ignored);
    }

    private static OrderSignal signal(OrderFields order, String eventName, String eventId, String where) {
        List<String> missing = new ArrayList<>();
        String incrementId = order.incrementId();
        String storeId = order.storeId();
        String entityId = order.entityId();
        if (incrementId == null) {
            missing.add("increment_id");
        }
        if (storeId == null) {
            missing.add("store_id");
        }
        if (entityId == null) {
            missing.add("entity_id");
        }
        if (!missing.isEmpty()) {
            throw IntakeRejection.badRequest(where + " is missing order field(s) " + String.join(", ", missing)
                    + " (non-empty text for increment_id, integers for store_id and entity_id)");
        }
        if (incrementId.contains(":")) {
            throw IntakeRejection.badRequest(where + " increment_id must not contain ':'");
        }
        // Other characters (/, #, control characters…) are fine: the ledger encodes its table keys.
        OrderKey.incrementIdProblem(incrementId).ifPresent(problem -> {
            throw IntakeRejection.badRequest(where + " increment_id: " + problem);
        });
        return new OrderSignal(eventName, eventId, storeId, incrementId, Long.parseLong(entityId), order.updatedAt());
    }

    private static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            throw IntakeRejection.badRequest("body is empty");
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root == null || root.isMissingNode()) {
                throw IntakeRejection.badRequest("body is empty");
            }
            return root;
        } catch (IOException e) {
            throw IntakeRejection.badRequest("body is not well-formed JSON");
        }
    }

    /** The event type as sent, or {@link #NO_TYPE} when the field is absent, empty or not text. */
    private static String typeOf(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? NO_TYPE : value;
    }

    private static String optionalText(JsonNode node, String field) {
        return OrderFields.text(node.get(field));
    }
}
