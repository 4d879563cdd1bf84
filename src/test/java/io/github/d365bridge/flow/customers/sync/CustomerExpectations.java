package io.github.d365bridge.flow.customers.sync;

import java.util.Map;
import java.util.Set;

import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;

/**
 * What the customer sync tests expect, from D365's rows by the plain rules rather than the bridge's mapper:
 * a customer with an e-mail and not on hold is written; an organisation in a country with a region list and no
 * state is refused by the Commerce sandbox.
 */
final class CustomerExpectations {

    private static final Set<String> NOT_BLOCKED = Set.of("", "No", "Never");

    private CustomerExpectations() {
    }

    static boolean writable(CustomerV3 c) {
        return c.primaryContactEmail() != null && !c.primaryContactEmail().isBlank()
                && NOT_BLOCKED.contains(c.onHoldStatus() == null ? "" : c.onHoldStatus());
    }

    /** A country whose companies need a region id, and no state in D365 to make one of. */
    static boolean regionMissing(CustomerV3 c) {
        String country = c.addressCountryRegionIsoCode() != null && !c.addressCountryRegionIsoCode().isBlank()
                ? c.addressCountryRegionIsoCode() : c.addressCountryRegionId();
        return Set.of("DE", "DEU", "US", "USA", "CA", "CAN").contains(country)
                && (c.addressState() == null || c.addressState().isBlank());
    }

    /** Every write call the Commerce sandbox has answered so far. */
    static long commerceWrites(CommerceSandbox commerce) {
        return commerce.faults().calls().entrySet().stream()
                .filter(e -> e.getKey().startsWith("POST ") || e.getKey().startsWith("PUT ")
                        || e.getKey().startsWith("DELETE "))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
