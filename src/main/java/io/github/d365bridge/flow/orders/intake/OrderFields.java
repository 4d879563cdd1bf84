package io.github.d365bridge.flow.orders.intake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The four fields of an order that the intake reads, each already in its accepted form or null: text
 * trimmed and non-blank; integers non-negative, as decimal text (they arrive as JSON numbers or, in
 * I/O Events field selections, as numeric text).
 */
record OrderFields(String incrementId, String storeId, String entityId, String updatedAt) {

    static final String INCREMENT_ID = "increment_id";
    static final String STORE_ID = "store_id";
    static final String ENTITY_ID = "entity_id";
    static final String UPDATED_AT = "updated_at";

    /** Longest numeric text taken as an integer: 18 digits always fit a long. */
    private static final int MAX_DIGITS = 18;

    static OrderFields of(JsonNode order) {
        return new OrderFields(text(order.get(INCREMENT_ID)), integer(order.get(STORE_ID)), integer(order.get(ENTITY_ID)),
                text(order.get(UPDATED_AT)));
    }

    static String text(JsonNode value) {
        return value != null && value.isTextual() ? text(value.asText()) : null;
    }

    /** Trimmed, or null when blank. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String integer(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return integer(value.asLong());
        }
        return value.isTextual() ? numericText(value.asText()) : null;
    }

    static String integer(long value) {
        return value >= 0 ? Long.toString(value) : null;
    }

    /** Numeric text of 1 to 18 ASCII digits (surrounding blanks ignored), leading zeros dropped. */
    static String numericText(String value) {
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_DIGITS) {
            return null;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.toString(Long.parseLong(trimmed));
    }
}
