package io.github.d365bridge.client.commerce.webhook;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.VerificationResult;
import io.github.d365bridge.ground.Json;

/**
 * Authenticates an Adobe I/O Events delivery: two RSA-SHA256 signatures over the raw body, each with
 * the key at its own path on Adobe's key host. Adobe rotates the keys one at a time, so either valid
 * signature is enough, but all four headers must be there. A valid signature only proves Adobe sent
 * it; the recipient client id proves it was meant for our registration, so it is checked on every
 * event of the delivery (a delivery may be one event or an array of them). Never throws on bad input.
 */
public final class IoEventsVerifier {

    public static final String SIGNATURE_1 = "x-adobe-digital-signature-1";
    public static final String SIGNATURE_2 = "x-adobe-digital-signature-2";
    public static final String KEY_PATH_1 = "x-adobe-public-key1-path";
    public static final String KEY_PATH_2 = "x-adobe-public-key2-path";

    private final PublicKeyFetcher keys;
    private final String clientId;

    public IoEventsVerifier(PublicKeyFetcher keys, String clientId) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("Adobe I/O Events client id must be configured");
        }
        this.clientId = clientId;
    }

    public VerificationResult verify(RequestHeaders headers, byte[] rawBody) {
        for (String name : List.of(SIGNATURE_1, SIGNATURE_2, KEY_PATH_1, KEY_PATH_2)) {
            if (headers.get(name).isEmpty()) {
                return VerificationResult.invalid("Header " + name + " is missing");
            }
        }
        if (rawBody == null || rawBody.length == 0) {
            return VerificationResult.invalid("Request has no body");
        }
        String first = check(headers.get(SIGNATURE_1).get(), headers.get(KEY_PATH_1).get(), rawBody);
        String which = "signature 1";
        if (first != null) {
            String second = check(headers.get(SIGNATURE_2).get(), headers.get(KEY_PATH_2).get(), rawBody);
            if (second != null) {
                return VerificationResult.invalid("No valid Adobe I/O Events signature (1: " + first + "; 2: " + second + ")");
            }
            which = "signature 2";
        }
        return checkRecipient(rawBody, which);
    }

    /** @return null when valid, otherwise why not */
    private String check(String signatureBase64, String keyPath, byte[] body) {
        Optional<byte[]> signature = RsaSignatures.decode(signatureBase64);
        if (signature.isEmpty()) {
            return "not valid base64";
        }
        PublicKey key;
        try {
            key = keys.fetch(keyPath);
        } catch (IOException | RuntimeException e) {
            return "public key unavailable (" + e.getMessage() + ")";
        }
        return RsaSignatures.verify(key, body, signature.get()) ? null : "does not match body and key";
    }

    private VerificationResult checkRecipient(byte[] rawBody, String which) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(rawBody);
        } catch (IOException e) {
            return VerificationResult.invalid("Signed body is not valid JSON");
        }
        List<JsonNode> events = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(events::add);
        } else if (root != null && root.isObject()) {
            events.add(root);
        }
        if (events.isEmpty()) {
            return VerificationResult.invalid("Body holds no event object");
        }
        for (int i = 0; i < events.size(); i++) {
            String problem = recipientProblem(events.get(i));
            if (problem != null) {
                return VerificationResult.invalid("Event " + i + " of " + events.size() + ": " + problem);
            }
        }
        return VerificationResult.valid(which + " valid; recipient client id matches on " + events.size() + " event(s)");
    }

    /** CloudEvents spell it recipientclientid; older payloads recipient_client_id. Both present must agree. */
    private String recipientProblem(JsonNode event) {
        if (!event.isObject()) {
            return "not a JSON object";
        }
        JsonNode current = event.get("recipientclientid");
        JsonNode legacy = event.get("recipient_client_id");
        if (current == null && legacy == null) {
            return "no recipient client id";
        }
        for (JsonNode value : new JsonNode[] {current, legacy}) {
            if (value != null && !(value.isTextual() && clientId.equals(value.asText()))) {
                return "recipient client id does not match ours";
            }
        }
        return null;
    }
}
