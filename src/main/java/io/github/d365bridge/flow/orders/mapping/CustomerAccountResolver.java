package io.github.d365bridge.flow.orders.mapping;

import java.util.Optional;

/**
 * The cross-reference lookup from a Commerce customer or company to its D365 customer account. The
 * order flow backs it with Table storage (written by the customer sync); the mapper never calls it —
 * the flow resolves {@link OrderMapper#customerReference} first and hands the answer to
 * {@link OrderMapper#map}, so mapping stays a pure function that tests can feed directly.
 */
@FunctionalInterface
public interface CustomerAccountResolver {

    /** The D365 account ({@code CustomerAccount}) for the reference, or empty when none is known. */
    Optional<String> accountFor(CustomerReference reference);
}
