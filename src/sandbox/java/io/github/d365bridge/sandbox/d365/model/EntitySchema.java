package io.github.d365bridge.sandbox.d365.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity set the sandbox serves: its public collection name, the entity type name used in
 * error messages, the key fields in URL order and the fields emitted, in emission order.
 *
 * @param setName   e.g. {@code CustomersV3}
 * @param typeName  e.g. {@code CustomerV3}
 * @param label     the DMF entity label (e.g. "Customers V3"), null when the sandbox does not import/export it
 * @param keys      key field names, {@code dataAreaId} first where the entity is per company
 * @param fields    every emitted field, keys included
 */
public record EntitySchema(String setName, String typeName, String label, List<String> keys, List<Field> fields) {

    public EntitySchema {
        keys = List.copyOf(keys);
        fields = List.copyOf(fields);
        Map<String, Field> byName = index(fields);
        for (String key : keys) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException(setName + ": key " + key + " is not a field");
            }
        }
    }

    private static Map<String, Field> index(List<Field> fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            if (byName.put(field.name(), field) != null) {
                throw new IllegalArgumentException("field " + field.name() + " appears twice");
            }
        }
        return byName;
    }

    /** Case-sensitive, as OData property names are. */
    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Case-insensitive, as DMF matches the upper-case column names of a package. */
    public Optional<Field> fieldIgnoringCase(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    public boolean isPerCompany() {
        return keys.contains("dataAreaId");
    }

    public String qualifiedTypeName() {
        return EnumType.NAMESPACE + "." + typeName;
    }

    public Map<String, Field> fieldMap() {
        return Collections.unmodifiableMap(index(fields));
    }

    /** The same fields under another set and type name (SalesOrderLines beside SalesOrderLinesV3). */
    public EntitySchema alias(String otherSetName, String otherTypeName) {
        return new EntitySchema(otherSetName, otherTypeName, null, keys, fields);
    }
}
