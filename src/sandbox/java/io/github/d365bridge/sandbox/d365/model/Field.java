package io.github.d365bridge.sandbox.d365.model;

/**
 * One property of an entity set as the sandbox serves it.
 *
 * @param name     the exact, case-sensitive OData property name
 * @param kind     its type
 * @param enumType the enum for {@link FieldKind#ENUM}, else null
 */
public record Field(String name, FieldKind kind, EnumType enumType) {

    public Field {
        if ((kind == FieldKind.ENUM) != (enumType != null)) {
            throw new IllegalArgumentException("field " + name + ": an enum type goes with ENUM fields only");
        }
    }

    public static Field string(String name) {
        return new Field(name, FieldKind.STRING, null);
    }

    public static Field decimal(String name) {
        return new Field(name, FieldKind.DECIMAL, null);
    }

    public static Field int32(String name) {
        return new Field(name, FieldKind.INT32, null);
    }

    public static Field int64(String name) {
        return new Field(name, FieldKind.INT64, null);
    }

    public static Field dateTime(String name) {
        return new Field(name, FieldKind.DATETIME, null);
    }

    public static Field date(String name) {
        return new Field(name, FieldKind.DATE, null);
    }

    public static Field enumField(String name, EnumType type) {
        return new Field(name, FieldKind.ENUM, type);
    }

    /**
     * What the field holds when nothing was set: D365 has no nulls, only empty values ("" for strings,
     * 0 for numbers, the enum's first member); an empty date is held as null and written as 1900-01-01.
     */
    public Object emptyValue() {
        return switch (kind) {
            case STRING -> "";
            case DECIMAL -> java.math.BigDecimal.ZERO;
            case INT32, INT64 -> 0L;
            case DATE, DATETIME -> null;
            case ENUM -> enumType.defaultMember();
        };
    }

    /** The OData type name used in error messages ("Edm.String", or the enum's qualified name). */
    public String typeName() {
        return kind == FieldKind.ENUM ? enumType.qualifiedName() : kind.edmName();
    }
}
