package io.github.d365bridge.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one reversible rule between a D365 item number (with its product dimensions, for a variant) and a
 * Commerce SKU.
 *
 * <p>Why a rule at all: D365 item numbers may start or end with spaces ({@code " RFI-TEST-001"} is real), but
 * Commerce trims a SKU when it saves a product, and its inventory API refuses SKUs with leading or trailing
 * whitespace. Sending the item number as it is would create a product whose SKU no longer names the item, and
 * an order for it would come back as a different item number. So the characters Commerce would trim (PHP's
 * {@code trim} set: space, tab, line feed, carriage return, NUL, vertical tab) travel percent-encoded when they
 * sit at either edge, and every {@code %} is encoded as {@code %25} so that decoding is exact.
 *
 * <p>A variant of a product master is the master's SKU, then {@value #SEPARATOR} and its dimension values in a
 * fixed order: colour, size, style, configuration, version, empty trailing ones left out
 * ({@code T-SHIRT~Blue~M}, a configuration-only variant {@code PC-01~~~~Fast}). The separator is encoded
 * ({@code %7E}) wherever it occurs inside an item number or a value, so an unencoded {@code ~} always
 * separates: an order for {@code T-SHIRT~Blue~M} reads back as item {@code T-SHIRT}, colour {@code Blue},
 * size {@code M}, with no lookup.
 *
 * <ul>
 *   <li>{@code " RFI-TEST-001"} ↔ {@code "%20RFI-TEST-001"}</li>
 *   <li>{@code "50%"} ↔ {@code "50%25"}</li>
 *   <li>{@code "A B"} ↔ {@code "A B"} (inner spaces survive Commerce and stay as they are)</li>
 *   <li>{@code "A~B"} ↔ {@code "A%7EB"}</li>
 * </ul>
 *
 * <p>Decoding only understands the escapes this rule writes ({@code %25}, {@code %7E} and the trim set); any
 * other {@code %} sequence in a SKU made by hand in Commerce is left as it is.
 */
public final class SkuRule {

    public static final char SEPARATOR = '~';
    private static final String TRIMMED = " \t\n\r\0\u000B";

    private SkuRule() {
    }

    /** The Commerce SKU of a D365 item number. */
    public static String sku(String itemNumber) {
        StringBuilder sku = new StringBuilder(itemNumber.length() + 8);
        encode(itemNumber, sku);
        return sku.toString();
    }

    /** The Commerce SKU of a variant: the master's SKU (made by any rule) and the encoded dimension values. */
    public static String variantSku(String masterSku, ProductDimensions dimensions) {
        List<String> values = dimensions.inSkuOrder();
        int last = values.size();
        while (last > 0 && values.get(last - 1).isEmpty()) {
            last--;
        }
        StringBuilder sku = new StringBuilder(masterSku);
        for (int i = 0; i < Math.max(1, last); i++) {
            sku.append(SEPARATOR);
            encode(values.get(i), sku);
        }
        return sku.toString();
    }

    /** A SKU split at its first separator: the master's SKU and the variant's dimensions. */
    public record VariantParts(String masterSku, ProductDimensions dimensions) {
    }

    /** The master's SKU and dimensions of a variant SKU; empty for a SKU without a separator. */
    public static Optional<VariantParts> splitVariant(String sku) {
        int first = sku.indexOf(SEPARATOR);
        if (first < 0) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        int from = first + 1;
        while (true) {
            int next = sku.indexOf(SEPARATOR, from);
            values.add(itemNumber(next < 0 ? sku.substring(from) : sku.substring(from, next)));
            if (next < 0) {
                break;
            }
            from = next + 1;
        }
        return Optional.of(new VariantParts(sku.substring(0, first), ProductDimensions.ofSkuOrder(values)));
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
                if (decoded == '%' || decoded == SEPARATOR || (decoded >= 0 && trimmed((char) decoded))) {
                    item.append((char) decoded);
                    i += 2;
                    continue;
                }
            }
            item.append(c);
        }
        return item.toString();
    }

    private static void encode(String value, StringBuilder out) {
        int start = 0;
        while (start < value.length() && trimmed(value.charAt(start))) {
            start++;
        }
        int end = value.length();
        while (end > start && trimmed(value.charAt(end - 1))) {
            end--;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == SEPARATOR || i < start || i >= end) {
                out.append('%').append(hex(c >> 4)).append(hex(c & 0xF));
            } else {
                out.append(c);
            }
        }
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
