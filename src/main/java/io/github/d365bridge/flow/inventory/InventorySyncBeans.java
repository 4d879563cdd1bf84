package io.github.d365bridge.flow.inventory;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.mapping.MappingProfile;

/** The inventory flow as a bean of the sync engine; the clients are resolved on first use. */
@ApplicationScoped
public class InventorySyncBeans {

    @Produces
    @Singleton
    InventorySyncFlow inventorySync(Instance<D365Client> d365, Instance<CommerceClient> commerce, MappingProfile profile,
            InventorySyncConfig config, Instance<DmfJobSupervisor> supervisor, SnapshotStore snapshots) {
        Optional<InventorySyncFlow.Export> export = config.source() == InventorySyncConfig.Source.DMF_EXPORT
                ? Optional.of(new InventorySyncFlow.Export(config.exportProject(), supervisor::get, snapshots))
                : Optional.empty();
        return new InventorySyncFlow(d365::get, commerce::get, profile, config.pageSize(), config.chunkSize(), export);
    }
}
