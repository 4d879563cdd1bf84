package io.github.d365bridge.ops;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * Checks of operator request parameters and the 400 that names them. Parameters arrive as text rather
 * than {@code int}: the REST layer answers an unconvertible {@code int} query parameter with a bare 404,
 * which tells the operator nothing.
 */
final class OpsParameters {

    private OpsParameters() {
    }

    /** {@code text} as an integer from {@code min} to {@code max}, or null with a problem naming {@code name}. */
    static Integer intInRange(String name, String text, int min, int max, List<String> problems) {
        Integer value = text != null && text.matches("[0-9]{1,9}") ? Integer.valueOf(text) : null;
        if (value == null || value < min || value > max) {
            problems.add(name + ": must be an integer from " + min + " to " + max + ", got '" + text + "'");
            return null;
        }
        return value;
    }

    static Response badRequest(List<String> problems) {
        return Response.status(400).entity(Map.of("error", String.join("; ", problems))).build();
    }
}
