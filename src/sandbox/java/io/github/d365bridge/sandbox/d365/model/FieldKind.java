package io.github.d365bridge.sandbox.d365.model;

/**
 * The EDM types the sandbox emits, with the Java type a row holds for each. D365 has more (GUIDs,
 * binary, time of day), but none of the fields this project reads uses them.
 */
public enum FieldKind {
    /** Edm.String, held as {@link String}; never trimmed. */
    STRING("Edm.String"),
    /** Edm.Decimal (the contract says number/double), held as {@link java.math.BigDecimal}. */
    DECIMAL("Edm.Decimal"),
    /** Edm.Int32, held as {@link Long}. */
    INT32("Edm.Int32"),
    /** Edm.Int64 (record ids), held as {@link Long}. */
    INT64("Edm.Int64"),
    /** Edm.DateTimeOffset with a time, held as {@link java.time.Instant}; null is D365's empty date. */
    DATETIME("Edm.DateTimeOffset"),
    /** A date-only D365 field (also Edm.DateTimeOffset on the wire, at 12:00 UTC), held as {@link java.time.LocalDate}. */
    DATE("Edm.DateTimeOffset"),
    /** A D365 enum, held as the member name {@link String}. */
    ENUM("Edm.Enum");

    private final String edmName;

    FieldKind(String edmName) {
        this.edmName = edmName;
    }

    public String edmName() {
        return edmName;
    }

    public boolean isNumeric() {
        return this == DECIMAL || this == INT32 || this == INT64;
    }

    public boolean isTemporal() {
        return this == DATETIME || this == DATE;
    }
}
