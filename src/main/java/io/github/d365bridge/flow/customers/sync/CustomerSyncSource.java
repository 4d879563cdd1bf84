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
 * {@code CustomersV3} of one legal entity, read one of two ways. From OData ({@code cross-company=true} with a
 * {@code dataAreaId} filter), paged by key: each page is the next {@code limit} accounts after the last one
 * read, ordered by account. D365 compares and sorts the key with one collation, so the pages neither skip nor
 * repeat an account, a page read again after a crash is the same page, and no server-side cursor has to outlive
 * a step. Or from a DMF export of the legal entity per run ({@code bridge.sync.customers.source=dmf-export}),
 * which D365 serves outside its OData service protection limits. Either way each page gets the contact
 * persons it needs from OData.
 */
final class CustomerSyncSource implements SyncSource<CustomerSource> {

    static final String ACCOUNT = "CustomerAccount";

    /** Parties per contact query: keeps the URL of an {@code or} filter well below the gateways' limits. */
    private static final int CONTACT_BATCH = 40;

    private final D365Client d365;
    private final boolean contactEmails;
    private final Optional<SyncSource<CustomerV3>> export;

    /**
     * @param contactEmails look up the contact persons of organisations that have no e-mail of their own
     * @param export        the DMF export source to read pages and keys from; empty: OData
     */
    CustomerSyncSource(D365Client d365, boolean contactEmails, Optional<SyncSource<CustomerV3>> export) {
        this.d365 = d365;
        this.contactEmails = contactEmails;
        this.export = export;
    }

    @Override
    public Page<CustomerSource> read(PageRequest request) {
        Page<CustomerV3> rows = export.isPresent() ? export.get().read(request) : odataPage(request);
        return new Page<>(withContacts(request.legalEntity(), rows.records()), rows.unreadable(), rows.last());
    }

    private Page<CustomerV3> odataPage(PageRequest request) {
        ODataQuery query = ODataQuery.all().company(request.legalEntity()).orderBy(ACCOUNT).top(request.limit());
        if (request.after().isPresent()) {
            query = query.filter(ACCOUNT + " gt " + ODataLiteral.string(request.after().get()));
        }
        try (Stream<CustomerV3> page = d365.odata().stream(CustomerV3.ENTITY_SET, query, CustomerV3.class)) {
            return Page.byKey(page.toList(), request.limit());
        }
    }

    /** One customer from OData, whatever the source of full runs. */
    static Optional<CustomerV3> readOne(D365Client d365, String legalEntity, String key) {
        return d365.odata().get(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", legalEntity, ACCOUNT, key),
                CustomerV3.class);
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
        return readOne(d365, legalEntity, key).map(c -> withContacts(legalEntity, List.of(c)).get(0));
    }

    @Override
    public Stream<String> keys(String runId, String legalEntity) {
        if (export.isPresent()) {
            return export.get().keys(runId, legalEntity);
        }
        return d365.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all().company(legalEntity).select(ACCOUNT),
                CustomerV3.class).map(CustomerV3::customerAccount);
    }

    @Override
    public Optional<io.github.d365bridge.flow.sync.SyncSnapshot> snapshot() {
        return export.flatMap(SyncSource::snapshot);
    }

    @Override
    public String keyOf(CustomerSource record) {
        return record.customer().customerAccount();
    }
}
