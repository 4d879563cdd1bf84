package io.github.d365bridge.flow.customers.sync;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.mapping.MappingProfile;

/** The customer flow as a bean of the sync engine; the clients are resolved on first use. */
@ApplicationScoped
public class CustomerSyncBeans {

    @Produces
    @Singleton
    CustomerSyncFlow customerSync(Instance<D365Client> d365, Instance<CommerceClient> commerce, MappingProfile profile,
            CustomerCrossReference crossReference, CustomerSyncConfig config, Instance<DmfJobSupervisor> supervisor,
            SnapshotStore snapshots) {
        Optional<CustomerSyncFlow.Export> export = config.source() == CustomerSyncConfig.Source.DMF_EXPORT
                ? Optional.of(new CustomerSyncFlow.Export(config.exportProject(), supervisor::get, snapshots))
                : Optional.empty();
        return new CustomerSyncFlow(d365::get, commerce::get, profile.customerSync(), crossReference,
                config.pageSize(), config.writeConcurrency(), new CustomerSyncWriter.BulkOptions(config.bulkThreshold(),
                        config.bulkSize(), config.bulkWait()), export);
    }
}
