package io.github.d365bridge.sandbox.d365.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

import io.github.d365bridge.sandbox.d365.model.Field;

/**
 * Compares row values the way D365's database does: strings without case (the default collation is
 * case-insensitive) but never trimmed, numbers by value, an empty date as 1900-01-01, date-only
 * values (the empty one too) at 12:00 UTC as the service emits them.
 */
final class Values {

    /** D365's empty date-time. */
    static final Instant EMPTY_DATE = Instant.parse("1900-01-01T00:00:00Z");
    /** D365's empty date-only value, a date like any other: at noon. */
    static final LocalDate EMPTY_DAY = LocalDate.of(1900, 1, 1);

    private Values() {
    }

    /** A row value in comparable form: String, BigDecimal or Instant. */
    static Object comparable(Field field, Object value) {
        return switch (field.kind()) {
            case STRING, ENUM -> value == null ? "" : value;
            case DECIMAL, INT32, INT64 -> toDecimal(value);
            case DATETIME -> value == null ? EMPTY_DATE : (Instant) value;
            case DATE -> (value == null ? EMPTY_DAY : (LocalDate) value).atTime(12, 0).toInstant(ZoneOffset.UTC);
        };
    }

    static BigDecimal toDecimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    static int compare(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return String.CASE_INSENSITIVE_ORDER.compare(a, b);
        }
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (left instanceof Instant a && right instanceof Instant b) {
            return a.compareTo(b);
        }
        throw new IllegalStateException("cannot compare " + left + " with " + right);
    }

    static Comparator<Object> comparator() {
        return Values::compare;
    }

    /** {@code *} matches any run of characters, without case, as D365's wildcard equality does. */
    static boolean wildcardMatches(String pattern, String value) {
        String p = pattern.toLowerCase(java.util.Locale.ROOT);
        String v = value.toLowerCase(java.util.Locale.ROOT);
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && p.charAt(pi) != '*' && p.charAt(pi) == v.charAt(vi)) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
