package io.github.d365bridge.flow.orders.mapping;

import java.util.Optional;

/**
 * The lookup from a Commerce customer or company to its D365 customer account. The order flow backs
 * it with the customer cross-reference in Table storage (and, if the profile opts in, D365 by e-mail);
 * the mapper never calls it — the flow resolves {@link OrderMapper#customerReference} first and hands
 * the answer to {@link OrderMapper#map}, so mapping stays a pure function that tests can feed directly.
 */
@FunctionalInterface
public interface CustomerAccountResolver {

    /**
     * The D365 account ({@code CustomerAccount}) for the reference, or empty when none is known.
     *
     * @param email the order's {@code customer_email} (may be null); only a lookup by e-mail uses it
     * @throws AmbiguousCustomerException when the answer is not unique (the order fails, nothing is guessed)
     * @throws io.github.d365bridge.ground.BridgeException when the cross-reference or D365 cannot be
     *         read: never an empty answer, so the order is retried rather than booked on the wrong account
     */
    Optional<String> accountFor(CustomerReference reference, String email);
}
