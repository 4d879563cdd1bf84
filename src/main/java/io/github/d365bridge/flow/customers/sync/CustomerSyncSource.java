package io.github.d365bridge.flow.customers.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.ContactPerson;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataKey;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.sync.SyncSource;

/**
 * {@code CustomersV3} of one legal entity ({@code cross-company=true} with a {@code dataAreaId} filter), paged
 * by key: each page is the next {@code limit} accounts after the last one read, ordered by account. D365
 * compares and sorts the key with one collation, so the pages neither skip nor repeat an account, a page
 * read again after a crash is the same page, and no server-side cursor has to outlive a step.
 */
final class CustomerSyncSource implements SyncSource<CustomerSource> {

    private static final String ACCOUNT = "CustomerAccount";

    /** Parties per contact query: keeps the URL of an {@code or} filter well below the gateways' limits. */
    private static final int CONTACT_BATCH = 40;

    private final D365Client d365;
    private final boolean contactEmails;

    /** @param contactEmails look up the contact persons of organisations that have no e-mail of their own */
    CustomerSyncSource(D365Client d365, boolean contactEmails) {
        this.d365 = d365;
        this.contactEmails = contactEmails;
    }

    @Override
    public List<CustomerSource> readAfter(String legalEntity, Optional<String> afterKey, int limit) {
        ODataQuery query = ODataQuery.all().company(legalEntity).orderBy(ACCOUNT).top(limit);
        if (afterKey.isPresent()) {
            query = query.filter(ACCOUNT + " gt " + ODataLiteral.string(afterKey.get()));
        }
        List<CustomerV3> rows;
        try (Stream<CustomerV3> page = d365.odata().stream(CustomerV3.ENTITY_SET, query, CustomerV3.class)) {
            rows = page.toList();
        }
        return withContacts(legalEntity, rows);
    }

    /**
     * Adds, to each organisation without an e-mail, its contact person with one: the one its
     * {@code ContactPersonId} names, else the first other contact of its party that has one. One query per
     * {@value #CONTACT_BATCH} such organisations, none when the profile does not ask for it.
     */
    private List<CustomerSource> withContacts(String legalEntity, List<CustomerV3> rows) {
        List<CustomerV3> needing = rows.stream().filter(c -> contactEmails && CustomerSyncMapper.isOrganisation(c)
                && blank(c.primaryContactEmail()) && !blank(c.partyNumber())).toList();
        Map<String, List<ContactPerson>> byParty = new HashMap<>();
        for (int from = 0; from < needing.size(); from += CONTACT_BATCH) {
            String parties = needing.subList(from, Math.min(needing.size(), from + CONTACT_BATCH)).stream()
                    .map(c -> "AssociatedPartyNumber eq " + ODataLiteral.string(c.partyNumber()))
                    .collect(Collectors.joining(" or "));
            try (Stream<ContactPerson> contacts = d365.odata().stream(ContactPerson.ENTITY_SET, ODataQuery.all()
                    .company(legalEntity).filter(parties).orderBy("ContactPersonId"), ContactPerson.class)) {
                contacts.filter(k -> !blank(k.primaryEmailAddress()))
                        .forEach(k -> byParty.computeIfAbsent(k.associatedPartyNumber(), p -> new ArrayList<>()).add(k));
            }
        }
        List<CustomerSource> sources = new ArrayList<>(rows.size());
        for (CustomerV3 c : rows) {
            List<ContactPerson> contacts = byParty.getOrDefault(c.partyNumber(), List.of());
            Optional<ContactPerson> chosen = contacts.stream().filter(k -> k.contactPersonId().equals(c.contactPersonId()))
                    .findFirst().or(() -> contacts.stream().findFirst());
            sources.add(new CustomerSource(c, chosen.map(k -> new CustomerSource.Contact(k.primaryEmailAddress(),
                    k.firstName(), k.lastName()))));
        }
        return sources;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public Optional<CustomerSource> readOne(String legalEntity, String key) {
        return d365.odata().get(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", legalEntity, ACCOUNT, key),
                CustomerV3.class).map(c -> withContacts(legalEntity, List.of(c)).get(0));
    }

    @Override
    public Stream<String> keys(String legalEntity) {
        return d365.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all().company(legalEntity).select(ACCOUNT),
                CustomerV3.class).map(CustomerV3::customerAccount);
    }

    @Override
    public String keyOf(CustomerSource record) {
        return record.customer().customerAccount();
    }
}
