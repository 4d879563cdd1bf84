package io.github.d365bridge.flow.orders.mapping;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.mapping.CustomerMapping;

/**
 * Decides which D365 account an order is booked on, from the profile's customer rules and the account
 * the flow resolved from the cross-reference. Guests always go to the legal entity's guest account,
 * even if an account was passed, because a guest's e-mail is not an identity.
 */
final class CustomerAccounts {

    private CustomerAccounts() {
    }

    /** Whom to look up; empty for guests (and registered orders without a customer id). */
    static Optional<CustomerReference> reference(Order order, String legalEntity, CustomerMapping rules) {
        if (order.isGuest()) {
            return Optional.empty();
        }
        long companyId = companyId(order);
        if (companyId > 0 && rules.companyOrders() == CustomerMapping.CompanyOrders.COMPANY_ACCOUNT) {
            return Optional.of(new CustomerReference(legalEntity, CustomerReference.Kind.COMPANY, companyId));
        }
        return Optional.ofNullable(order.customerId())
                .map(id -> new CustomerReference(legalEntity, CustomerReference.Kind.CUSTOMER, id));
    }

    static String account(OrderKey key, Order order, String legalEntity, CustomerMapping rules,
            Optional<String> resolved) {
        Optional<CustomerReference> reference = reference(order, legalEntity, rules);
        if (reference.isEmpty() && !order.isGuest()) {
            throw new OrderMappingException(key, "customer_id", "a registered customer's order without customer_id");
        }
        if (reference.isPresent()) {
            Optional<String> account = resolved.filter(a -> !a.isBlank());
            if (account.isPresent()) {
                return account.get();
            }
            if (rules.unresolvedCustomer() == CustomerMapping.Unresolved.FAIL) {
                boolean company = reference.get().kind() == CustomerReference.Kind.COMPANY;
                throw new OrderMappingException(key,
                        company ? "extension_attributes.company_order_attributes.company_id" : "customer_id",
                        (company ? "company " : "customer ") + reference.get().commerceId()
                                + " has no D365 customer account in " + legalEntity
                                + " (customers.unresolvedCustomer is fail)");
            }
        }
        return rules.guestAccount(legalEntity).orElseThrow(() -> new OrderMappingException(key,
                "customers.guestAccounts." + legalEntity, "no guest account is configured for " + legalEntity));
    }

    private static long companyId(Order order) {
        if (order.extensionAttributes() == null) {
            return 0;
        }
        JsonNode id = order.extensionAttributes().path("company_order_attributes").path("company_id");
        return id.canConvertToLong() ? id.asLong() : id.isTextual() ? parse(id.asText()) : 0;
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
