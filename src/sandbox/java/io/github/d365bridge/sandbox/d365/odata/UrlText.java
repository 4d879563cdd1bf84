package io.github.d365bridge.sandbox.d365.odata;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of path segments (where {@code +} is a plus) and encoding of query values. */
public final class UrlText {

    private UrlText() {
    }

    public static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw ODataException.badRequest("The request URI is not valid: bad percent-encoding.");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw ODataException.badRequest("The request URI is not valid: bad percent-encoding.");
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** For query values and path segments we build: spaces as %20, never {@code +}. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A key segment made URL-safe while keeping its quotes, parentheses, commas and equals signs readable. */
    static String encodeKeySegment(String segment) {
        return encode(segment).replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%2C", ",")
                .replace("%3D", "=");
    }
}
