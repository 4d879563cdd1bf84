package io.github.d365bridge.client.commerce.webhook;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Case-insensitive, first-value view of inbound HTTP headers, so verifiers work the same behind
 * Azure Functions (single-valued, lower-cased map) and JAX-RS (multi-valued, original case).
 */
public final class RequestHeaders {

    private final Map<String, String> values;

    private RequestHeaders(Map<String, String> values) {
        this.values = values;
    }

    public static RequestHeaders of(Map<String, String> headers) {
        Map<String, String> copy = new HashMap<>();
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                copy.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
        });
        return new RequestHeaders(copy);
    }

    public static RequestHeaders ofMultiValued(Map<String, ? extends List<String>> headers) {
        Map<String, String> copy = new HashMap<>();
        headers.forEach((name, list) -> {
            if (name != null && list != null) {
                list.stream().filter(v -> v != null).findFirst()
                        .ifPresent(v -> copy.putIfAbsent(name.toLowerCase(Locale.ROOT), v));
            }
        });
        return new RequestHeaders(copy);
    }

    /** The trimmed value, empty when absent or blank. */
    public Optional<String> get(String name) {
        String value = values.get(name.toLowerCase(Locale.ROOT));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
