package io.github.d365bridge.client.d365.odata;

import java.util.ArrayList;
import java.util.List;

/**
 * A key path segment such as {@code (dataAreaId='usmf',CustomerAccount='US-001')}: every key field
 * (dataAreaId included), strings quoted with embedded quotes doubled, integers bare, the whole
 * percent-encoded for the URL path.
 */
public final class ODataKey {

    private final List<String> parts;

    private ODataKey(List<String> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Name/value pairs in key order; values are {@code String} (quoted) or {@code Number} (bare).
     *
     * @throws IllegalArgumentException on an odd count, a blank name or a value of another type
     */
    public static ODataKey of(Object... namesAndValues) {
        if (namesAndValues.length == 0 || namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Key needs name/value pairs, got " + namesAndValues.length + " items");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = String.valueOf(namesAndValues[i]);
            Object value = namesAndValues[i + 1];
            if (name.isBlank() || value == null) {
                throw new IllegalArgumentException("Key field " + i / 2 + " has no name or no value");
            }
            String literal;
            if (value instanceof String text) {
                literal = ODataLiteral.string(text);
            } else if (value instanceof Number number) {
                literal = number.toString();
            } else {
                throw new IllegalArgumentException("Key field " + name + " must be a String or a Number");
            }
            parts.add(name + "=" + literal);
        }
        return new ODataKey(parts);
    }

    /** The segment as it goes into the URL path (after the entity set name). */
    public String toPathSegment() {
        StringBuilder encoded = new StringBuilder("(");
        for (int i = 0; i < parts.size(); i++) {
            encoded.append(i == 0 ? "" : ",").append(encodePath(parts.get(i)));
        }
        return encoded.append(')').toString();
    }

    @Override
    public String toString() {
        return "(" + String.join(",", parts) + ")";
    }

    /** Encodes everything that is not safe in a path, keeping the OData syntax characters {@code '=}. */
    private static String encodePath(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~'=!$&*+:@".indexOf(c) >= 0;
            if (safe) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
