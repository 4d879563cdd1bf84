package io.github.d365bridge.flow.customers.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.Optional;
import java.util.function.Supplier;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.company.Company;
import io.github.d365bridge.client.commerce.customer.Customer;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.sync.export.DmfExportSource;
import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.flow.sync.SyncFlow;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncSource;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.flow.sync.SyncWriter;
import io.github.d365bridge.mapping.CustomerSyncMapping;

/**
 * Customers and B2B companies, D365 → Commerce, on the sync engine: {@code CustomersV3} of every legal entity
 * the profile's {@code customerSync} lists, mapped per website, written through the customer and company APIs.
 * The clients are looked up on first use, so a bridge without D365 or Commerce configured still starts.
 */
public final class CustomerSyncFlow implements SyncFlow<CustomerSource> {

    public static final String NAME = "customers";

    private final Supplier<D365Client> d365;
    private final Supplier<CommerceClient> commerce;
    private final CustomerSyncMapping sync;
    private final CustomerCrossReference crossReference;
    private final int pageSize;
    private final int writeConcurrency;
    private final CustomerSyncWriter.BulkOptions bulk;
    private final Optional<Export> export;
    private volatile SyncSource<CustomerSource> source;
    private volatile SyncWriter writer;

    /**
     * Full runs read a DMF export of this data project instead of OData.
     *
     * @param definitionGroup the export data project in F&amp;O holding the entity {@code Customers V3}
     */
    public record Export(String definitionGroup, Supplier<DmfJobSupervisor> supervisor, SnapshotStore snapshots) {
    }

    /** A flow that reads OData. */
    public CustomerSyncFlow(Supplier<D365Client> d365, Supplier<CommerceClient> commerce, CustomerSyncMapping sync,
            CustomerCrossReference crossReference, int pageSize, int writeConcurrency,
            CustomerSyncWriter.BulkOptions bulk) {
        this(d365, commerce, sync, crossReference, pageSize, writeConcurrency, bulk, Optional.empty());
    }

    public CustomerSyncFlow(Supplier<D365Client> d365, Supplier<CommerceClient> commerce, CustomerSyncMapping sync,
            CustomerCrossReference crossReference, int pageSize, int writeConcurrency,
            CustomerSyncWriter.BulkOptions bulk, Optional<Export> export) {
        this.export = export;
        this.bulk = bulk;
        this.d365 = d365;
        this.commerce = commerce;
        this.sync = sync;
        this.crossReference = crossReference;
        this.pageSize = pageSize;
        this.writeConcurrency = writeConcurrency;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> legalEntities() {
        return List.copyOf(sync.legalEntities().keySet());
    }

    @Override
    public SyncSource<CustomerSource> source() {
        if (source == null) {
            D365Client client = d365.get();
            Optional<SyncSource<CustomerV3>> rows = export.map(e -> new DmfExportSource<>(new DmfExportSource.Spec<>(
                    NAME, e.definitionGroup(), "Customers V3", CustomerSyncSource.ACCOUNT, CustomerV3.class,
                    CustomerV3::customerAccount, pageSize), e.supervisor(), e.snapshots(),
                    (legalEntity, key) -> CustomerSyncSource.readOne(client, legalEntity, key)));
            source = new CustomerSyncSource(client, sync.noEmail() == CustomerSyncMapping.NoEmail.CONTACT_PERSON, rows);
        }
        return source;
    }

    @Override
    public SyncMapper<CustomerSource> mapper() {
        return new CustomerSyncMapper(sync);
    }

    @Override
    public SyncWriter writer() {
        if (writer == null) {
            writer = new CustomerSyncWriter(commerce.get(), crossReference, writeConcurrency, bulk);
        }
        return writer;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public String removed(String legalEntity, SyncStateStore.Stored stored, boolean dryRun) {
        if (sync.removed() == CustomerSyncMapping.Removed.KEEP) {
            return "kept in Commerce (customerSync.removed is keep)";
        }
        List<String> done = new ArrayList<>();
        for (Map.Entry<String, String> target : stored.targetIds().entrySet()) {
            String id = target.getValue();
            CustomerReference.Kind kind = TargetId.kind(id).orElse(CustomerReference.Kind.CUSTOMER);
            long commerceId = TargetId.parse(java.util.Optional.of(id), kind).orElseThrow();
            if (!dryRun) {
                block(kind, commerceId);
            }
            done.add(id + (kind == CustomerReference.Kind.COMPANY ? " blocked" : " moved to group " + sync.blockedGroup()));
        }
        return done.isEmpty() ? "nothing in Commerce to block" : String.join(", ", done);
    }

    private void block(CustomerReference.Kind kind, long id) {
        CommerceClient client = commerce.get();
        if (kind == CustomerReference.Kind.COMPANY) {
            Company current = client.companies().get(id).orElseThrow(() -> new IllegalStateException(
                    "company " + id + " is gone from Commerce"));
            client.companies().update(id, current.withStatus(Company.STATUS_BLOCKED));
        } else {
            Customer current = client.customers().get(id).orElseThrow(() -> new IllegalStateException(
                    "customer " + id + " is gone from Commerce"));
            client.customers().update(id, current.withGroupId(Integer.parseInt(sync.blockedGroup())));
        }
    }
}
