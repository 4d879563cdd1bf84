package io.github.d365bridge.client.commerce.search;

import java.util.Locale;

/** One sort key; Commerce applies sort orders in the order given. */
public record SortOrder(String field, Direction direction) {

    public enum Direction {
        ASC,
        DESC;

        /** Commerce upper-cases the direction before checking it, so any case is accepted. */
        public static Direction parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("Sort order direction \"" + text + "\" is not supported (ASC or DESC)");
            }
        }
    }

    public SortOrder {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("A sort order needs a field name");
        }
        direction = direction == null ? Direction.ASC : direction;
    }

    public static SortOrder asc(String field) {
        return new SortOrder(field, Direction.ASC);
    }

    public static SortOrder desc(String field) {
        return new SortOrder(field, Direction.DESC);
    }
}
