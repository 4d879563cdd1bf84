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

    /** The OData type name used in error messages ("Edm.String", or the enum's qualified name). */
    public String typeName() {
        return kind == FieldKind.ENUM ? enumType.qualifiedName() : kind.edmName();
    }
}
