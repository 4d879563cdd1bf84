package io.github.d365bridge.client.commerce.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.d365bridge.client.commerce.PercentEncoding;

/**
 * Reads the parameters of an {@code Authorization: OAuth ...} header (RFC 5849 section 3.5.1):
 * comma-separated {@code name="value"} pairs, values percent-encoded, {@code realm} allowed.
 */
final class OAuthHeaderParser {

    private OAuthHeaderParser() {
    }

    /**
     * @return decoded parameters in header order
     * @throws IllegalArgumentException when the header is not an OAuth header, a pair is malformed or
     *                                  a parameter repeats (a repeated oauth_* value could smuggle a
     *                                  second, unsigned value past a lenient reader)
     */
    static Map<String, String> parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("Authorization header is missing");
        }
        String trimmed = header.trim();
        if (trimmed.length() < 6 || !trimmed.substring(0, 6).toLowerCase(Locale.ROOT).equals("oauth ")) {
            throw new IllegalArgumentException("Authorization header is not of the OAuth scheme");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : trimmed.substring(6).split(",")) {
            String pair = part.trim();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Malformed OAuth header parameter");
            }
            String name = PercentEncoding.decode(pair.substring(0, eq).trim(), false);
            String quoted = pair.substring(eq + 1).trim();
            if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
                throw new IllegalArgumentException("OAuth header parameter " + name + " is not quoted");
            }
            String value = PercentEncoding.decode(quoted.substring(1, quoted.length() - 1), false);
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("OAuth header parameter " + name + " appears twice");
            }
        }
        return params;
    }
}
