package io.github.d365bridge.flow.orders.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an order must be booked on, as Commerce knows it: a registered customer or a B2B company, in the
 * legal entity the order goes to. The cross-reference turns it into a D365 customer account.
 *
 * @param legalEntity D365 {@code dataAreaId} of the order
 * @param kind        customer or company
 * @param commerceId  Commerce {@code customer_id} or {@code company_id}
 */
public record CustomerReference(String legalEntity, Kind kind, long commerceId) {

    public CustomerReference {
        Objects.requireNonNull(legalEntity, "legalEntity");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        CUSTOMER,
        COMPANY;

        /** How the kind is written in keys, URLs and messages: {@code customer} or {@code company}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind written as {@link #code()} (exactly, lower case); empty for anything else. */
        public static Optional<Kind> ofCode(String code) {
            return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
        }
    }

    @Override
    public String toString() {
        return legalEntity + ":" + kind.code() + ":" + commerceId;
    }
}
