package io.github.d365bridge.storage;

/**
 * Makes any text usable as a Table storage PartitionKey or RowKey, reversibly. Azure Table refuses keys
 * with {@code / \ # ?} and control characters (U+0000–U+001F, U+007F–U+009F); text that comes from
 * outside (a Commerce increment id) can hold any of them, and one such order must not fail every step
 * that touches it.
 *
 * <p>Encoding: each forbidden character, and {@code %} itself, becomes {@code %} and two upper-case hex
 * digits of its code point ({@code /} → {@code %2F}, {@code %} → {@code %25}, U+0085 → {@code %85});
 * everything else is kept. Text without those characters is stored as it is, so keys written before
 * the encoding existed still read the same. Decoding turns back exactly the escapes the encoder writes
 * and keeps any other {@code %} literally (an older key such as {@code 10%} reads as it was written).
 */
public final class TableKeyCodec {

    private static final char ESCAPE = '%';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TableKeyCodec() {
    }

    public static String encode(String text) {
        StringBuilder key = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (mustEscape(c)) {
                if (key == null) {
                    key = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                key.append(ESCAPE).append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else if (key != null) {
                key.append(c);
            }
        }
        return key == null ? text : key.toString();
    }

    public static String decode(String key) {
        if (key.indexOf(ESCAPE) < 0) {
            return key;
        }
        StringBuilder text = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            int escaped = c == ESCAPE && i + 2 < key.length() ? escapedAt(key, i) : -1;
            if (escaped >= 0) {
                text.append((char) escaped);
                i += 2;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** Whether Azure Table forbids {@code c} in a key, or it is the escape character. */
    static boolean mustEscape(char c) {
        return c == ESCAPE || c == '/' || c == '\\' || c == '#' || c == '?' || c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    /** The character of the escape at {@code i}, or -1 when it is not one the encoder writes. */
    private static int escapedAt(String key, int i) {
        int high = upperHexDigit(key.charAt(i + 1));
        int low = upperHexDigit(key.charAt(i + 2));
        if (high < 0 || low < 0) {
            return -1;
        }
        char c = (char) (high * 16 + low);
        return mustEscape(c) ? c : -1;
    }

    /** Only what {@link #HEX} writes: other digits (lower case, non-ASCII) are no escape. */
    private static int upperHexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
