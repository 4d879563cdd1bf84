package io.github.d365bridge.client.commerce.search;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code condition_type} values Commerce's search criteria understand. */
public enum ConditionType {
    EQ("eq"),
    NEQ("neq"),
    GT("gt"),
    GTEQ("gteq"),
    LT("lt"),
    LTEQ("lteq"),
    /** SQL LIKE: the value carries its own {@code %} wildcards. */
    LIKE("like"),
    NLIKE("nlike"),
    /** Comma-separated list of values. */
    IN("in"),
    NIN("nin"),
    /** No value needed. */
    NULL("null"),
    /** No value needed. */
    NOTNULL("notnull"),
    /** Value is one element of a comma-separated set column (FIND_IN_SET). */
    FINSET("finset"),
    NFINSET("nfinset"),
    FROM("from"),
    TO("to"),
    MOREQ("moreq");

    private final String wire;

    ConditionType(String wire) {
        this.wire = wire;
    }

    /** The value as sent in {@code condition_type}. */
    public String wire() {
        return wire;
    }

    /** Whether a filter of this type is meaningful without a value. */
    public boolean valueOptional() {
        return this == NULL || this == NOTNULL;
    }

    /** Whether the value is a comma-separated list. */
    public boolean takesList() {
        return this == IN || this == NIN;
    }

    /** Exact, lower-case match only: Commerce does not recognise {@code EQ} either. */
    public static Optional<ConditionType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(value)).findFirst();
    }

    static String allWireValues() {
        return Arrays.stream(values()).map(ConditionType::wire).collect(Collectors.joining(" "));
    }
}
