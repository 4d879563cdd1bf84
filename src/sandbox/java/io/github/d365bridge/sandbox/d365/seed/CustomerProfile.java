package io.github.d365bridge.sandbox.d365.seed;

import java.util.List;

/**
 * The decisions that shape one customer, drawn from a stream of their own so they are cheap to know
 * without building the row: the contact persons' generator needs them for every customer.
 *
 * <p>Shares, as in the real tenant the notes describe: 30 % organisations, of which 80 % have no
 * {@code PrimaryContactEmail} (16 of 20 there); 90 % of persons have one. 60 % of the organisations
 * without an e-mail have a contact person (a fifth of them a second one as well). 2.5 % of customers
 * are on hold, spread over the members of CustVendorBlocked a customer can have (PurchOrder is for
 * vendors). Half the rows leave {@code …CountryRegionISOCode} empty, as real data often does.
 *
 * @param contacts contact persons of the customer (0, 1 or 2); only organisations without an e-mail have any
 * @param onHold   the {@code OnHoldStatus} member
 * @param isoEmpty whether the address ISO codes are empty (the alpha-3 ids are always there)
 */
public record CustomerProfile(boolean organization, boolean email, int contacts, String onHold, boolean isoEmpty) {

    /**
     * Per 1,000 customers: 11 All, 6 Invoice, 4 Payment, 2 Requisition, 2 Never. "Never" means never
     * put on hold for inactivity, not blocked: a reader treating every value but No as blocked is wrong
     * there, which is worth having in the data.
     */
    private static final List<String> ON_HOLD = List.of("All", "Invoice", "Payment", "Requisition", "Never");
    private static final int[] ON_HOLD_UPPER = {11, 17, 21, 23, 25};

    static CustomerProfile draw(SeedRandom r) {
        boolean organization = r.percent(30);
        boolean email = r.percent(organization ? 20 : 90);
        boolean hasContact = r.percent(60);
        boolean second = r.percent(20);
        int contacts = organization && !email && hasContact ? (second ? 2 : 1) : 0;
        int hold = r.nextInt(1000);
        String onHold = "No";
        for (int i = 0; i < ON_HOLD_UPPER.length; i++) {
            if (hold < ON_HOLD_UPPER[i]) {
                onHold = ON_HOLD.get(i);
                break;
            }
        }
        return new CustomerProfile(organization, email, contacts, onHold, r.percent(50));
    }

    /** The same customer without contact persons (customers added later have none). */
    CustomerProfile withoutContacts() {
        return new CustomerProfile(organization, email, 0, onHold, isoEmpty);
    }
}
