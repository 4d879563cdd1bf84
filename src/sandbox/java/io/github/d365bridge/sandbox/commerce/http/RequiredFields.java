package io.github.d365bridge.sandbox.commerce.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code required} fields the contract declares for a route's body, as paths such as
 * {@code entity.items[].sku} ({@code []}: every element of a list). A real store does not check nested
 * required fields on input and saves what it gets; the sandbox refuses such a body with Magento's
 * missing-field error instead, so a client that sends less than the contract asks for fails in tests,
 * not on a customer's order.
 */
public record RequiredFields(List<String> paths) {

    public static final String MESSAGE = "\"%fieldName\" is required. Enter and try again.";

    public RequiredFields {
        paths = List.copyOf(paths);
    }

    public static RequiredFields of(String... paths) {
        return new RequiredFields(List.of(paths));
    }

    /** 400 naming the first missing field, e.g. {@code entity.items[1].sku}; the body is snake_case. */
    public void check(JsonNode body) {
        for (String path : paths) {
            check(body, path.split("\\."), 0, "");
        }
    }

    private static void check(JsonNode node, String[] steps, int at, String seen) {
        if (at == steps.length) {
            return;
        }
        boolean each = steps[at].endsWith("[]");
        String name = each ? steps[at].substring(0, steps[at].length() - 2) : steps[at];
        String here = seen.isEmpty() ? name : seen + "." + name;
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            throw CommerceException.named(400, MESSAGE, Map.of("fieldName", here));
        }
        if (!each) {
            check(value, steps, at + 1, here);
            return;
        }
        if (!value.isArray()) {
            throw CommerceException.named(400, MESSAGE, Map.of("fieldName", here));
        }
        for (int i = 0; i < value.size(); i++) {
            check(value.get(i), steps, at + 1, here + "[" + i + "]");
        }
    }
}
