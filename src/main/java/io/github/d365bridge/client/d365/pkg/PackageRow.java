package io.github.d365bridge.client.d365.pkg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of an entity's data file.
 *
 * @param rowNumber 1 for the first data row (the CSV header row is not counted)
 * @param values    field name (upper case) to value, in file order; values are exactly as in the
 *                  file, never trimmed
 */
public record PackageRow(long rowNumber, Map<String, String> values) {

    public PackageRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a field (any case), or null when the row does not have it. */
    public String get(String field) {
        return values.get(field.toUpperCase(Locale.ROOT));
    }

    public Set<String> fields() {
        return values.keySet();
    }
}
