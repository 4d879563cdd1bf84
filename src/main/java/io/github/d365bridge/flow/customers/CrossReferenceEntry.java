package io.github.d365bridge.flow.customers;

import java.time.Instant;
import java.util.Objects;

import io.github.d365bridge.flow.orders.mapping.CustomerReference;

/**
 * One cross-reference entry: the D365 customer account a Commerce customer or company is booked on in
 * one legal entity.
 *
 * @param reference       legal entity, kind and Commerce id
 * @param customerAccount D365 {@code CustomerAccount}
 * @param source          who wrote it
 * @param updatedAt       when it was written
 */
public record CrossReferenceEntry(CustomerReference reference, String customerAccount, CrossReferenceSource source,
        Instant updatedAt) {

    public CrossReferenceEntry {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customerAccount, "customerAccount");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
