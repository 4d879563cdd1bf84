package io.github.d365bridge.client.d365.pkg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One entity of a package to be written: what the manifest says about it and the columns of its
 * data file.
 *
 * @param label                 the entity's label, D365's {@code EntityName} (e.g. "Sales order headers V2"); D365
 *                              answers 400 "Entity … does not exist" when given the OData name here
 * @param targetEntity          D365's {@code TargetEntity}: the entity's AOT/OData name, written as given
 * @param fields                entity field names in column order, upper-cased (D365 writes and expects them so)
 * @param executionUnit         {@code ExecutionUnit}
 * @param level                 {@code LevelInExecutionUnit}: headers must be at a lower level than their lines
 * @param sequence              {@code SequenceInLevel}
 * @param runBusinessLogic      {@code RunBusinessLogic} (D365's default for a new data project entity: true)
 * @param runBusinessValidation {@code RunBusinessValidation} (D365's default: false)
 */
public record PackageEntity(String label, String targetEntity, List<String> fields, int executionUnit,
        int level, int sequence, boolean runBusinessLogic, boolean runBusinessValidation) {

    /** Characters Windows refuses in a file name; D365 leaves them out of a data file's name. */
    private static final String UNSAFE_IN_FILE_NAME = "\\/:*?\"<>|";

    public PackageEntity {
        XmlText.requireName(label, "entity label");
        XmlText.requireName(targetEntity, "target entity of '" + label + "'");
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("entity '" + label + "' needs at least one field");
        }
        List<String> upper = new ArrayList<>(fields.size());
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            String name = XmlText.requireName(field, "field of entity '" + label + "'").toUpperCase(Locale.ROOT);
            if (!name.equals(name.strip()) || name.chars().anyMatch(c -> c == ',' || c == '"' || c < 0x20)) {
                throw new IllegalArgumentException("field name '" + field + "' of entity '" + label
                        + "' is not a D365 field name (spaces, comma, quote or control characters)");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("field " + name + " appears twice in entity '" + label + "'");
            }
            upper.add(name);
        }
        fields = List.copyOf(upper);
        if (executionUnit < 0 || level < 0 || sequence < 0) {
            throw new IllegalArgumentException("execution unit, level and sequence of entity '" + label
                    + "' must not be negative");
        }
        if (dataFileName(label).equals(SourceFormat.CSV_UNICODE.fileExtension())) {
            throw new IllegalArgumentException("entity label '" + label + "' leaves nothing to name its data file");
        }
    }

    /** Execution unit 1, level 1, sequence 1, with D365's defaults for business logic and validation. */
    public static PackageEntity of(String label, String targetEntity, List<String> fields) {
        return new PackageEntity(label, targetEntity, fields, 1, 1, 1, true, false);
    }

    public PackageEntity withPosition(int newExecutionUnit, int newLevel, int newSequence) {
        return new PackageEntity(label, targetEntity, fields, newExecutionUnit, newLevel, newSequence,
                runBusinessLogic, runBusinessValidation);
    }

    public PackageEntity withBusinessLogic(boolean newRunBusinessLogic, boolean newRunBusinessValidation) {
        return new PackageEntity(label, targetEntity, fields, executionUnit, level, sequence,
                newRunBusinessLogic, newRunBusinessValidation);
    }

    /** The zip entry holding this entity's rows, named like D365 names it: label plus extension. */
    public String dataFileName() {
        return dataFileName(label);
    }

    private static String dataFileName(String label) {
        StringBuilder name = new StringBuilder(label.length() + 4);
        label.strip().codePoints()
                .filter(c -> UNSAFE_IN_FILE_NAME.indexOf(c) < 0 && c >= 0x20)
                .forEach(name::appendCodePoint);
        return name.append(SourceFormat.CSV_UNICODE.fileExtension()).toString();
    }
}
