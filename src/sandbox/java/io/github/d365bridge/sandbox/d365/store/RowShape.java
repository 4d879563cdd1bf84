package io.github.d365bridge.sandbox.d365.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;
import io.github.d365bridge.sandbox.d365.model.Field;

/**
 * The slots of a schema's rows: one array position per field. A row of 300 fields held as an array
 * costs a quarter of a LinkedHashMap's memory and is built by copying a template of empty values,
 * which is what lets the sandbox page through 100,000 full customers without holding them.
 */
public final class RowShape {

    private final List<Field> fields;
    private final String[] names;
    private final Map<String, Integer> slots;
    private final Object[] empty;

    public RowShape(EntitySchema schema) {
        this.fields = schema.fields();
        this.names = new String[fields.size()];
        this.slots = new HashMap<>(fields.size() * 2);
        this.empty = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            names[i] = field.name();
            slots.put(field.name(), i);
            empty[i] = field.emptyValue();
        }
    }

    public int size() {
        return names.length;
    }

    String name(int slot) {
        return names[slot];
    }

    public List<Field> fields() {
        return fields;
    }

    /** The slot of a field, or -1 when the schema has no such field. */
    public int slot(Object name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    /** A builder whose every field starts empty. */
    public CompactRow.Builder builder() {
        return new CompactRow.Builder(this, empty.clone());
    }

    /** A builder starting from the values of a row (fields the row lacks start empty). */
    public CompactRow.Builder builder(Map<String, Object> row) {
        if (row instanceof CompactRow compact && compact.shape() == this) {
            return new CompactRow.Builder(this, compact.valueArray());
        }
        CompactRow.Builder builder = builder();
        row.forEach(builder::set);
        return builder;
    }

    /** Whether every key of the row is a field of this shape (a compact copy then loses nothing). */
    public boolean covers(Map<String, Object> row) {
        if (row instanceof CompactRow compact && compact.shape() == this) {
            return true;
        }
        for (String key : row.keySet()) {
            if (!slots.containsKey(key)) {
                return false;
            }
        }
        return true;
    }
}
