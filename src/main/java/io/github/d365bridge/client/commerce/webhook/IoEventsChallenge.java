package io.github.d365bridge.client.commerce.webhook;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.d365bridge.ground.Json;

/**
 * Answers the Adobe I/O Events registration handshake: {@code GET <url>?challenge=<id>} must echo the
 * id. The value is checked before it is echoed so the endpoint cannot be used to reflect arbitrary
 * content; Adobe's ids are UUID-like.
 */
public final class IoEventsChallenge {

    public static final String CONTENT_TYPE = "application/json";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private IoEventsChallenge() {
    }

    /** The outcome: either a body to send with 200, or why the challenge was refused (send 400). */
    public record Reply(boolean accepted, String body, String reason) {
    }

    public static Reply reply(String challenge) {
        if (challenge == null || challenge.isEmpty()) {
            return new Reply(false, null, "challenge parameter is missing");
        }
        if (!ACCEPTABLE.matcher(challenge).matches()) {
            return new Reply(false, null, "challenge must be 1-128 characters of A-Z a-z 0-9 . _ ~ -");
        }
        try {
            String body = Json.mapper().writeValueAsString(Json.mapper().createObjectNode().put("challenge", challenge));
            return new Reply(true, body, "challenge echoed");
        } catch (JsonProcessingException e) {
            return new Reply(false, null, "challenge could not be written");
        }
    }
}
