package io.github.d365bridge.client.commerce.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.github.d365bridge.client.commerce.CommerceDates;

/**
 * One condition on one field. {@code value} is the text sent on the wire (for {@code in}/{@code nin}
 * the comma-joined list) and may be null only for {@code null}/{@code notnull}.
 */
public record Filter(String field, String value, ConditionType conditionType) {

    public Filter {
        Objects.requireNonNull(conditionType, "conditionType");
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("A search filter needs a field name");
        }
        if (value == null && !conditionType.valueOptional()) {
            throw new IllegalArgumentException("Filter on '" + field + "' with condition '"
                    + conditionType.wire() + "' needs a value");
        }
    }

    public static Filter of(String field, ConditionType type, String value) {
        return new Filter(field, value, type);
    }

    /** Dates are sent as Commerce UTC text so the comparison is done on the column's own format. */
    public static Filter of(String field, ConditionType type, Instant value) {
        return new Filter(field, CommerceDates.format(value), type);
    }

    public static Filter eq(String field, String value) {
        return new Filter(field, value, ConditionType.EQ);
    }

    public static Filter in(String field, Collection<String> values) {
        return new Filter(field, joinList(field, values), ConditionType.IN);
    }

    public static Filter notIn(String field, Collection<String> values) {
        return new Filter(field, joinList(field, values), ConditionType.NIN);
    }

    public static Filter isNull(String field) {
        return new Filter(field, null, ConditionType.NULL);
    }

    public static Filter notNull(String field) {
        return new Filter(field, null, ConditionType.NOTNULL);
    }

    /** The list of an {@code in}/{@code nin} filter; a one-element list for any other type. */
    public List<String> values() {
        if (value == null) {
            return List.of();
        }
        return conditionType.takesList() ? Arrays.asList(value.split(",", -1)) : List.of(value);
    }

    /** Commerce splits on commas and has no escape, so a comma inside a value would change the query. */
    private static String joinList(String field, Collection<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("Filter on '" + field + "' needs at least one value for in/nin");
        }
        for (String v : values) {
            if (v == null || v.contains(",")) {
                throw new IllegalArgumentException("Filter on '" + field
                        + "': in/nin values must be non-null and must not contain a comma");
            }
        }
        return String.join(",", values);
    }
}
