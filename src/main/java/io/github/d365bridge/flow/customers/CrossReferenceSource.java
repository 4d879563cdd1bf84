package io.github.d365bridge.flow.customers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who wrote a cross-reference entry: kept with the entry so an operator can tell a guess from a fact. */
public enum CrossReferenceSource {
    /** Set by an operator through the operator endpoints. */
    OPERATOR("operator"),
    /** Written by the customer sync from D365. */
    SYNC("sync"),
    /** Found by the order flow: exactly one D365 customer of the legal entity has the order's e-mail. */
    D365_EMAIL("d365-email");

    private final String code;

    CrossReferenceSource(String code) {
        this.code = code;
    }

    /** As stored in the table's {@code Source} property and shown to operators. */
    public String code() {
        return code;
    }

    public static Optional<CrossReferenceSource> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
