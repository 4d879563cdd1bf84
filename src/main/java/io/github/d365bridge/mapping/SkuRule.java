package io.github.d365bridge.mapping;

/**
 * The one reversible rule between a D365 item number and a Commerce SKU.
 *
 * <p>Why a rule at all: D365 item numbers may start or end with spaces ({@code " RFI-TEST-001"} is real), but
 * Commerce trims a SKU when it saves a product, and its inventory API refuses SKUs with leading or trailing
 * whitespace. Sending the item number as it is would create a product whose SKU no longer names the item, and
 * an order for it would come back as a different item number. So the characters Commerce would trim (PHP's
 * {@code trim} set: space, tab, line feed, carriage return, NUL, vertical tab) travel percent-encoded when they
 * sit at either edge, and every {@code %} is encoded as {@code %25} so that decoding is exact.
 *
 * <ul>
 *   <li>{@code " RFI-TEST-001"} ↔ {@code "%20RFI-TEST-001"}</li>
 *   <li>{@code "50%"} ↔ {@code "50%25"}</li>
 *   <li>{@code "A B"} ↔ {@code "A B"} (inner spaces survive Commerce and stay as they are)</li>
 * </ul>
 *
 * <p>Decoding only understands the escapes this rule writes ({@code %25} and the trim set); any other
 * {@code %} sequence in a SKU made by hand in Commerce is left as it is.
 */
public final class SkuRule {

    private static final String TRIMMED = " \t\n\r\0\u000B";

    private SkuRule() {
    }

    /** The Commerce SKU of a D365 item number. */
    public static String sku(String itemNumber) {
        int start = 0;
        while (start < itemNumber.length() && trimmed(itemNumber.charAt(start))) {
            start++;
        }
        int end = itemNumber.length();
        while (end > start && trimmed(itemNumber.charAt(end - 1))) {
            end--;
        }
        StringBuilder sku = new StringBuilder(itemNumber.length() + 8);
        for (int i = 0; i < itemNumber.length(); i++) {
            char c = itemNumber.charAt(i);
            if (c == '%' || i < start || i >= end) {
                sku.append('%').append(hex(c >> 4)).append(hex(c & 0xF));
            } else {
                sku.append(c);
            }
        }
        return sku.toString();
    }

    /** The D365 item number of a Commerce SKU: the inverse of {@link #sku(String)}. */
    public static String itemNumber(String sku) {
        if (sku.indexOf('%') < 0) {
            return sku;
        }
        StringBuilder item = new StringBuilder(sku.length());
        for (int i = 0; i < sku.length(); i++) {
            char c = sku.charAt(i);
            if (c == '%' && i + 2 < sku.length()) {
                int decoded = decode(sku.charAt(i + 1), sku.charAt(i + 2));
                if (decoded == '%' || (decoded >= 0 && trimmed((char) decoded))) {
                    item.append((char) decoded);
                    i += 2;
                    continue;
                }
            }
            item.append(c);
        }
        return item.toString();
    }

    private static boolean trimmed(char c) {
        return TRIMMED.indexOf(c) >= 0;
    }

    private static char hex(int nibble) {
        return "0123456789ABCDEF".charAt(nibble);
    }

    private static int decode(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
