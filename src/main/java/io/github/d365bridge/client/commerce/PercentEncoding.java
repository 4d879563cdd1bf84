package io.github.d365bridge.client.commerce;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as OAuth 1.0a (RFC 5849 section 3.6) requires it: only the unreserved
 * characters {@code A-Z a-z 0-9 - . _ ~} stay literal, everything else (space included) becomes
 * {@code %XX} of its UTF-8 bytes with upper-case hex. {@link java.net.URLEncoder} is not used because
 * it writes a space as {@code +} and leaves {@code *} literal, both of which break signatures.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} sequences (UTF-8). {@code plusIsSpace} follows
     * {@code application/x-www-form-urlencoded}, which RFC 5849 section 3.4.1.3.1 prescribes for query
     * and form parameters; Magento itself uses PHP {@code rawurldecode} (plus stays plus), so the
     * bridge never sends a literal plus: {@link #encode} always writes {@code %2B}.
     *
     * @throws IllegalArgumentException on a malformed escape, so that a garbled URL is not signed
     */
    public static String decode(String value, boolean plusIsSpace) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("Truncated percent-escape at index " + i);
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Malformed percent-escape at index " + i);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] literal = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    literal = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(literal, 0, literal.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
