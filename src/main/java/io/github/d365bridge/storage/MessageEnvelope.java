package io.github.d365bridge.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What travels on every queue: small, versioned, self-describing. Either {@code payload} holds the
 * body, or {@code payloadBlob} names the claim-check blob that does (bodies over the queue limit).
 *
 * @param schemaVersion envelope format version; only {@link #CURRENT_VERSION} is understood
 * @param type          message type, e.g. {@code housekeeping.sweep}
 * @param id            unique per message (not per delivery)
 * @param correlationId follows the business event through every step and log line
 * @param legalEntity   D365 company ({@code dataAreaId}) when the message concerns one
 * @param businessKey   the record's business identity, e.g. {@code default:000000042}
 * @param attempt       how many times this message was put back after a retriable failure (not counting
 *                      the queue's own redelivery)
 * @param createdAt     when the message was first created
 * @param payload       the body, when small enough
 * @param payloadBlob   claim-check blob name, when the body is stored aside
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageEnvelope(int schemaVersion, String type, String id, String correlationId, String legalEntity,
        String businessKey, int attempt, Instant createdAt, JsonNode payload, String payloadBlob) {

    public static final int CURRENT_VERSION = 1;

    public MessageEnvelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new message of {@code type} carrying {@code payload}, in the given correlation. */
    public static MessageEnvelope of(String type, String correlationId, JsonNode payload) {
        return new MessageEnvelope(CURRENT_VERSION, type, UUID.randomUUID().toString(), correlationId, null, null, 0,
                Instant.now(), payload, null);
    }

    public MessageEnvelope withBusinessKey(String legalEntityValue, String businessKeyValue) {
        return new MessageEnvelope(schemaVersion, type, id, correlationId, legalEntityValue, businessKeyValue, attempt,
                createdAt, payload, payloadBlob);
    }

    /** The follow-up of this message: same correlation and key, next attempt, new id. */
    public MessageEnvelope nextAttempt(JsonNode newPayload) {
        return new MessageEnvelope(schemaVersion, type, UUID.randomUUID().toString(), correlationId, legalEntity,
                businessKey, attempt + 1, Instant.now(), newPayload, null);
    }

    /**
     * The copy that retries this message later: same id, correlation and body (a claim-check reference
     * stays a reference), one more attempt.
     */
    public MessageEnvelope retried() {
        return new MessageEnvelope(schemaVersion, type, id, correlationId, legalEntity, businessKey, attempt + 1,
                createdAt, payload, payloadBlob);
    }

    public MessageEnvelope withAttempt(int value) {
        return new MessageEnvelope(schemaVersion, type, id, correlationId, legalEntity, businessKey, value, createdAt,
                payload, payloadBlob);
    }

    public MessageEnvelope withPayload(JsonNode newPayload) {
        return new MessageEnvelope(schemaVersion, type, id, correlationId, legalEntity, businessKey, attempt, createdAt,
                newPayload, null);
    }

    public MessageEnvelope withPayloadBlob(String blobName) {
        return new MessageEnvelope(schemaVersion, type, id, correlationId, legalEntity, businessKey, attempt, createdAt,
                null, blobName);
    }
}
