package io.github.d365bridge.flow.customers;

import java.util.List;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;

/**
 * Finds the D365 customers of one legal entity whose {@code PrimaryContactEmail} is a given address.
 * D365 compares strings without case, as e-mail domains are compared. Reads a few accounts, and the
 * exact number only when there are several, so a shared address used by hundreds of customers costs
 * two small calls instead of a full read.
 */
public final class D365CustomerEmailLookup {

    /** Accounts read to name in a message; more than one already means "ambiguous". */
    static final int SAMPLE = 5;
    static final String EMAIL_FIELD = "PrimaryContactEmail";

    private final D365Client d365;

    public D365CustomerEmailLookup(D365Client d365) {
        this.d365 = d365;
    }

    /**
     * Whether {@code email} can be searched for safely. D365 reads {@code *} in an {@code eq} literal as
     * a wildcard, so an address containing one (legal in an e-mail's local part) could match customers
     * with other addresses: such an address, and anything that is not an address, is never searched.
     */
    public static boolean searchable(String email) {
        return email != null && !email.isBlank() && email.indexOf('@') > 0 && email.indexOf('*') < 0;
    }

    /** The customers with {@code email} in {@code legalEntity}: up to {@value #SAMPLE} accounts and the count. */
    public Matches find(String legalEntity, String email) {
        if (!searchable(email)) {
            throw new IllegalArgumentException("not a searchable e-mail address");
        }
        ODataQuery query = ODataQuery.all().company(legalEntity)
                .filter(EMAIL_FIELD + " eq " + ODataLiteral.string(email.strip()));
        List<String> accounts;
        try (Stream<CustomerV3> rows = d365.odata().stream(CustomerV3.ENTITY_SET,
                query.select("dataAreaId", "CustomerAccount").orderBy("CustomerAccount").top(SAMPLE), CustomerV3.class)) {
            accounts = rows.map(CustomerV3::customerAccount).toList();
        }
        long count = accounts.size() < SAMPLE ? accounts.size() : d365.odata().count(CustomerV3.ENTITY_SET, query);
        return new Matches(accounts, count);
    }

    /**
     * @param accounts up to {@value #SAMPLE} matching accounts, in account order
     * @param count    how many customers match in all
     */
    public record Matches(List<String> accounts, long count) {

        public Matches {
            accounts = List.copyOf(accounts);
        }
    }
}
