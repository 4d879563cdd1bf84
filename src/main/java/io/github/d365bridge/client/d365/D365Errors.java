package io.github.d365bridge.client.d365;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.Redactor;
import io.github.d365bridge.ground.Json;

/**
 * Turns a D365 error answer into a {@link BridgeException} carrying D365's own text. OData errors
 * come as {@code {"error":{"code","message","innererror":{"message",…}}}}; gateways and throttling may
 * answer with HTML or nothing, which is reported as such.
 */
final class D365Errors {

    private D365Errors() {
    }

    static BridgeException from(String operation, int status, String body, Optional<Duration> retryAfter) {
        String message = describe(status, body);
        BridgeException.Builder builder = BridgeException.builder(ExternalSystem.D365, operation + ": " + message)
                .httpStatus(status).excerpt(body);
        serviceCode(body).ifPresent(builder::serviceErrorCode);
        retryAfter.ifPresent(builder::retryAfter);
        return builder.build();
    }

    private static String describe(int status, String body) {
        if (body == null || body.isBlank()) {
            return status == 429 ? "throttled by D365 service protection" : "HTTP " + status + " with an empty body";
        }
        JsonNode error = parse(body).map(json -> json.path("error")).orElse(null);
        if (error == null || error.isMissingNode()) {
            return "HTTP " + status + " with a non-OData body: " + Redactor.truncate(body.strip(), 200);
        }
        String text = error.path("message").asText("");
        String inner = error.path("innererror").path("message").asText("");
        if (!inner.isEmpty() && !inner.equals(text)) {
            text = text.isEmpty() ? inner : text + " (" + inner + ")";
        }
        return text.isEmpty() ? "HTTP " + status : text;
    }

    private static Optional<String> serviceCode(String body) {
        return parse(body).map(json -> json.path("error").path("code").asText("")).filter(code -> !code.isEmpty());
    }

    private static Optional<JsonNode> parse(String body) {
        try {
            return body == null ? Optional.empty() : Optional.of(Json.mapper().readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
