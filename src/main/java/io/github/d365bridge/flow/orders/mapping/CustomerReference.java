package io.github.d365bridge.flow.orders.mapping;

import java.util.Objects;

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
        COMPANY
    }

    @Override
    public String toString() {
        return legalEntity + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + commerceId;
    }
}
