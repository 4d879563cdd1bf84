package io.github.d365bridge.flow.customers;

import java.util.Optional;

import org.jboss.logging.Logger;

import io.github.d365bridge.flow.orders.mapping.AmbiguousCustomerException;
import io.github.d365bridge.flow.orders.mapping.CustomerAccountResolver;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;

/**
 * Resolves an order's customer through the cross-reference and, when the mapping profile opts in
 * ({@code customers.lookupByEmail}), on a miss through D365: exactly one customer of the legal entity with
 * the order's e-mail is taken and recorded (source {@code d365-email}) so the next order of that customer
 * needs no D365 call; none leaves it unresolved (the profile's {@code unresolvedCustomer} rule decides);
 * several fail the order, because picking one would book it on a stranger's account.
 *
 * <p>Only registered customers are looked up by e-mail. A B2B company order carries its buyer's address,
 * not the company's, so matching it would book the company's order on whoever in D365 has the buyer's
 * address; companies are linked by an operator or the customer sync.
 */
public final class CrossReferenceResolver implements CustomerAccountResolver {

    private static final Logger LOG = Logger.getLogger(CrossReferenceResolver.class);

    private final CustomerCrossReference crossReference;
    private final Optional<D365CustomerEmailLookup> byEmail;

    /** @param byEmail the D365 lookup when the profile's {@code customers.lookupByEmail} is on, else empty */
    public CrossReferenceResolver(CustomerCrossReference crossReference, Optional<D365CustomerEmailLookup> byEmail) {
        this.crossReference = crossReference;
        this.byEmail = byEmail;
    }

    @Override
    public Optional<String> accountFor(CustomerReference reference, String email) {
        Optional<String> known = crossReference.accountFor(reference);
        if (known.isPresent() || byEmail.isEmpty() || reference.kind() != CustomerReference.Kind.CUSTOMER
                || !D365CustomerEmailLookup.searchable(email)) {
            return known;
        }
        D365CustomerEmailLookup.Matches matches = byEmail.get().find(reference.legalEntity(), email);
        if (matches.count() == 0) {
            return Optional.empty();
        }
        if (matches.count() > 1) {
            throw new AmbiguousCustomerException("customer_email", "'" + email.strip() + "' is the PrimaryContactEmail"
                    + " of " + matches.count() + " D365 customers in " + reference.legalEntity() + " ("
                    + String.join(", ", matches.accounts()) + (matches.count() > matches.accounts().size() ? ", …" : "")
                    + "); link the right account with PUT /api/ops/customer-xref/" + reference.legalEntity() + "/"
                    + reference.kind().code() + "/" + reference.commerceId() + " and replay the order");
        }
        // If an operator or the sync linked the customer meanwhile, their entry stays and wins.
        CrossReferenceEntry stored = crossReference.putIfAbsent(reference, matches.accounts().get(0),
                CrossReferenceSource.D365_EMAIL);
        LOG.infof("Customer %s linked to D365 account %s (source %s)", reference, stored.customerAccount(),
                stored.source().code());
        return Optional.of(stored.customerAccount());
    }
}
