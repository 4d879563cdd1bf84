package io.github.d365bridge.mapping;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which D365 customer account an order is booked on. Registered customers and B2B companies are
 * looked up in the cross-reference (by the flow, before mapping); guests, and by choice customers the
 * cross-reference does not know, go to a configured account per legal entity.
 *
 * @param guestAccounts      legal entity → the account for guest orders (e.g. {@code usmf: US-027})
 * @param unresolvedCustomer what to do with a registered customer or company that has no D365 account
 * @param companyOrders      which account a B2B company order is booked on
 * @param lookupByEmail      on a cross-reference miss, look a registered customer up in D365's CustomersV3 by
 *                           the order's e-mail ({@code true}/{@code false}; off by default)
 */
public record CustomerMapping(Map<String, String> guestAccounts, Unresolved unresolvedCustomer,
        CompanyOrders companyOrders, Boolean lookupByEmail) {

    public CustomerMapping {
        guestAccounts = Collections2.map(guestAccounts);
    }

    /** Whether the e-mail fallback is on (a missing value, refused at start-up, counts as off). */
    public boolean lookupByEmailEnabled() {
        return Boolean.TRUE.equals(lookupByEmail);
    }

    public Optional<String> guestAccount(String legalEntity) {
        return Optional.ofNullable(guestAccounts.get(legalEntity));
    }

    /** A registered customer or company without a D365 account. */
    public enum Unresolved {
        /** Book it on the legal entity's guest account (the order still carries e-mail and address). */
        @JsonProperty("guest-account") GUEST_ACCOUNT,
        /** Fail the order, so an operator creates or links the account and replays it. */
        @JsonProperty("fail") FAIL
    }

    /** Orders placed by a member of a B2B company. */
    public enum CompanyOrders {
        /** The company's D365 account orders and is invoiced: the usual B2B set-up. */
        @JsonProperty("company-account") COMPANY_ACCOUNT,
        /** The buyer's own customer account, as for any registered customer. */
        @JsonProperty("buyer-account") BUYER_ACCOUNT
    }
}
