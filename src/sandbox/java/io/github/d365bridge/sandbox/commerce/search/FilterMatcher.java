package io.github.d365bridge.sandbox.commerce.search;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.search.Filter;

/**
 * One filter against one stored row, with MySQL's semantics as Commerce's collections produce them:
 * numbers compare as numbers, text compares case-insensitively (the default collation), dates are
 * text in {@code YYYY-MM-DD HH:MM:SS} and so compare correctly as text, and NULL matches no
 * comparison but {@code null}.
 */
final class FilterMatcher {

    private FilterMatcher() {
    }

    static boolean matches(ObjectNode row, Filter filter) {
        JsonNode node = row.get(filter.field());
        boolean absent = node == null || node.isNull() || node.isMissingNode();
        String actual = absent ? null : node.isValueNode() ? node.asText() : node.toString();
        String value = filter.value();
        return switch (filter.conditionType()) {
            case NULL -> absent;
            case NOTNULL -> !absent;
            case EQ -> !absent && compare(actual, value) == 0;
            case NEQ -> !absent && compare(actual, value) != 0;
            case GT -> !absent && compare(actual, value) > 0;
            case GTEQ, FROM, MOREQ -> !absent && compare(actual, value) >= 0;
            case LT -> !absent && compare(actual, value) < 0;
            case LTEQ, TO -> !absent && compare(actual, value) <= 0;
            case LIKE -> !absent && like(actual, value);
            case NLIKE -> !absent && !like(actual, value);
            case IN -> !absent && filter.values().stream().anyMatch(v -> compare(actual, v.trim()) == 0);
            case NIN -> !absent && filter.values().stream().noneMatch(v -> compare(actual, v.trim()) == 0);
            case FINSET -> !absent && set(node).anyMatch(v -> v.equalsIgnoreCase(value));
            case NFINSET -> !absent && set(node).noneMatch(v -> v.equalsIgnoreCase(value));
        };
    }

    private static java.util.stream.Stream<String> set(JsonNode node) {
        if (node.isArray()) {
            java.util.List<String> values = new java.util.ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            return values.stream();
        }
        return Arrays.stream(node.asText().split(","));
    }

    static int compare(String actual, String value) {
        if (actual == null || value == null) {
            return actual == null ? (value == null ? 0 : -1) : 1;
        }
        BigDecimal a = number(actual);
        BigDecimal b = number(value);
        if (a != null && b != null) {
            return a.compareTo(b);
        }
        return actual.toLowerCase(Locale.ROOT).compareTo(value.toLowerCase(Locale.ROOT));
    }

    private static BigDecimal number(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, case-insensitive. */
    private static boolean like(String actual, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(actual).matches();
    }
}
