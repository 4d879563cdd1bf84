package io.github.d365bridge.sandbox.commerce.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

/**
 * A Commerce web API error as the sandbox answers it: HTTP status plus Magento's body
 * {@code {"message":"…%placeholders…","parameters":…}}. The message keeps its raw placeholders, as
 * Magento does, so clients are forced to substitute them themselves.
 */
public final class CommerceException extends RuntimeException {

    private final int status;
    private final transient JsonNode parameters;
    private final transient List<CommerceException> errors;

    public CommerceException(int status, String message, JsonNode parameters, List<CommerceException> errors) {
        super(message, null, false, false);
        this.status = status;
        this.parameters = parameters;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static CommerceException of(int status, String message) {
        return new CommerceException(status, message, null, null);
    }

    /** Named placeholders ({@code %resources}), Magento's object form of {@code parameters}. */
    public static CommerceException named(int status, String message, Map<String, ?> parameters) {
        return new CommerceException(status, message, Json.mapper().valueToTree(parameters), null);
    }

    /** Positional placeholders ({@code %1}), Magento's list form of {@code parameters}. */
    public static CommerceException positional(int status, String message, Object... parameters) {
        return new CommerceException(status, message, Json.mapper().valueToTree(List.of(parameters)), null);
    }

    public static CommerceException badRequest(String message, Object... parameters) {
        return parameters.length == 0 ? of(400, message) : positional(400, message, parameters);
    }

    public static CommerceException notFound(String message, Object... parameters) {
        return parameters.length == 0 ? of(404, message) : positional(404, message, parameters);
    }

    public CommerceException withErrors(List<CommerceException> nested) {
        return new CommerceException(status, getMessage(), parameters, nested);
    }

    public int status() {
        return status;
    }

    public JsonNode parameters() {
        return parameters;
    }

    /** The JSON body Magento writes for this error. */
    public ObjectNode body() {
        ObjectNode body = Json.mapper().createObjectNode().put("message", getMessage());
        if (!errors.isEmpty()) {
            errors.forEach(e -> body.withArray("errors").add(e.body()));
        }
        if (parameters != null) {
            body.set("parameters", parameters);
        }
        return body;
    }

    /** Placeholders substituted: for bulk result messages and logs, never for HTTP answers. */
    public String rendered() {
        String text = getMessage();
        if (parameters == null) {
            return text;
        }
        if (parameters.isArray()) {
            for (int i = parameters.size(); i >= 1; i--) {
                text = text.replace("%" + i, parameters.get(i - 1).asText());
            }
        } else {
            var names = parameters.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                text = text.replace("%" + name, parameters.get(name).asText());
            }
        }
        return text;
    }
}
