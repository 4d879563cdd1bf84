package io.github.d365bridge.flow.customers.sync;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
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

    private final D365Client d365;

    CustomerSyncSource(D365Client d365) {
        this.d365 = d365;
    }

    @Override
    public List<CustomerSource> readAfter(String legalEntity, Optional<String> afterKey, int limit) {
        ODataQuery query = ODataQuery.all().company(legalEntity).orderBy(ACCOUNT).top(limit);
        if (afterKey.isPresent()) {
            query = query.filter(ACCOUNT + " gt " + ODataLiteral.string(afterKey.get()));
        }
        try (Stream<CustomerV3> rows = d365.odata().stream(CustomerV3.ENTITY_SET, query, CustomerV3.class)) {
            return rows.map(CustomerSource::of).toList();
        }
    }

    @Override
    public Optional<CustomerSource> readOne(String legalEntity, String key) {
        return d365.odata().get(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", legalEntity, ACCOUNT, key),
                CustomerV3.class).map(CustomerSource::of);
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
