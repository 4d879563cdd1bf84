package io.github.d365bridge.flow.orders.intake;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.github.d365bridge.ground.Json;

/**
 * Reads a Commerce webhook body in one streaming pass and keeps only what the intake uses: the
 * {@code eventName} and four fields of {@code data.order}. The rest of the order (items, addresses,
 * totals: most of a body of several KiB) is still tokenised by the same strict parser, so the whole body
 * must be well-formed JSON without duplicate keys or trailing content, but it never becomes a tree. On
 * the request path that tree was the intake's largest cost after the Storage call itself.
 */
final class WebhookBodyReader {

    /** What one webhook names; {@code order} is null when there is no {@code data.order} object. */
    record Webhook(String eventName, OrderFields order) {
    }

    private WebhookBodyReader() {
    }

    /** @throws IntakeRejection (400) when the body is empty, malformed, or not a JSON object */
    static Webhook read(byte[] body) {
        if (body == null || body.length == 0) {
            throw IntakeRejection.badRequest("body is empty");
        }
        try (JsonParser parser = Json.mapper().createParser(body)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw IntakeRejection.badRequest("body is empty");
            }
            Webhook webhook = root == JsonToken.START_OBJECT ? readRoot(parser) : null;
            if (webhook == null) {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw IntakeRejection.badRequest("body is not well-formed JSON");
            }
            if (webhook == null) {
                throw IntakeRejection.badRequest("webhook body must be a JSON object");
            }
            return webhook;
        } catch (IOException e) {
            throw IntakeRejection.badRequest("body is not well-formed JSON");
        }
    }

    private static Webhook readRoot(JsonParser parser) throws IOException {
        String eventName = null;
        OrderFields order = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("eventName".equals(field)) {
                eventName = text(parser, value);
            } else if ("data".equals(field) && value == JsonToken.START_OBJECT) {
                order = readData(parser);
            } else {
                parser.skipChildren();
            }
        }
        return new Webhook(eventName, order);
    }

    private static OrderFields readData(JsonParser parser) throws IOException {
        OrderFields order = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("order".equals(field) && value == JsonToken.START_OBJECT) {
                order = readOrder(parser);
            } else {
                parser.skipChildren();
            }
        }
        return order;
    }

    private static OrderFields readOrder(JsonParser parser) throws IOException {
        String incrementId = null;
        String storeId = null;
        String entityId = null;
        String updatedAt = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case OrderFields.INCREMENT_ID -> incrementId = text(parser, value);
                case OrderFields.STORE_ID -> storeId = integer(parser, value);
                case OrderFields.ENTITY_ID -> entityId = integer(parser, value);
                case OrderFields.UPDATED_AT -> updatedAt = text(parser, value);
                default -> parser.skipChildren();
            }
        }
        return new OrderFields(incrementId, storeId, entityId, updatedAt);
    }

    /** As {@link OrderFields#text(com.fasterxml.jackson.databind.JsonNode)} does for a tree value. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return OrderFields.text(parser.getText());
        }
        parser.skipChildren();
        return null;
    }

    /** As {@link OrderFields#integer(com.fasterxml.jackson.databind.JsonNode)} does for a tree value. */
    private static String integer(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            return type == JsonParser.NumberType.BIG_INTEGER ? null : OrderFields.integer(parser.getLongValue());
        }
        if (value == JsonToken.VALUE_STRING) {
            return OrderFields.numericText(parser.getText());
        }
        parser.skipChildren();
        return null;
    }
}
