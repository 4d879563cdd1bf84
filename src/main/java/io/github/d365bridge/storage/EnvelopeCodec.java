package io.github.d365bridge.storage;

import io.github.d365bridge.ground.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.Redactor;

/**
 * Turns envelopes into queue text and back. Decoding says exactly what is wrong with a bad message
 * so that the reason recorded with the poisoned copy is useful to an operator.
 */
public final class EnvelopeCodec {

    private EnvelopeCodec() {
    }

    public static String encode(MessageEnvelope envelope) {
        try {
            return Json.mapper().writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Envelope " + envelope.id() + " cannot be serialised", e);
        }
    }

    public static MessageEnvelope decode(String text) {
        if (text == null || text.isBlank()) {
            throw new PoisonMessageException("Message is empty");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Message is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + Redactor.truncate(text, 120));
        }
        if (!node.isObject()) {
            throw new PoisonMessageException("Message is JSON but not an envelope object: " + Redactor.truncate(text, 120));
        }
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new PoisonMessageException("Envelope has no numeric schemaVersion");
        }
        if (version.intValue() != MessageEnvelope.CURRENT_VERSION) {
            throw new PoisonMessageException("Envelope schemaVersion " + version.asText() + " is not supported (this"
                    + " build understands " + MessageEnvelope.CURRENT_VERSION + ")");
        }
        String type = requiredText(node, "type");
        String id = requiredText(node, "id");
        Instant createdAt;
        try {
            createdAt = Instant.parse(requiredText(node, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("Envelope " + id + " has an invalid createdAt: " + node.get("createdAt"));
        }
        JsonNode payload = node.get("payload");
        String payloadBlob = optionalText(node, "payloadBlob");
        if ((payload == null || payload.isNull()) == (payloadBlob == null)) {
            if (payloadBlob != null) {
                throw new PoisonMessageException("Envelope " + id + " has both a payload and a payloadBlob");
            }
        }
        return new MessageEnvelope(version.intValue(), type, id, optionalText(node, "correlationId"),
                optionalText(node, "legalEntity"), optionalText(node, "businessKey"),
                node.path("attempt").asInt(0), createdAt, payload == null || payload.isNull() ? null : payload,
                payloadBlob);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new PoisonMessageException("Envelope field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
