package io.github.d365bridge.sandbox.d365.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;

/** What a field holds when a create leaves it out: D365 has no nulls, only empty values. */
final class RowDefaults {

    private RowDefaults() {
    }

    static Map<String, Object> complete(EntitySchema schema, Map<String, Object> given) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            row.put(field.name(), given.containsKey(field.name()) ? given.get(field.name()) : empty(field));
        }
        return row;
    }

    static Object empty(Field field) {
        return field.emptyValue();
    }

    static String string(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? "" : value.toString();
    }

    static BigDecimal decimal(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value instanceof BigDecimal d ? d : value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
