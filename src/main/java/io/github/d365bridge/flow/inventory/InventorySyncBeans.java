package io.github.d365bridge.flow.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.mapping.MappingProfile;

/** The inventory flow as a bean of the sync engine; the clients are resolved on first use. */
@ApplicationScoped
public class InventorySyncBeans {

    @Produces
    @Singleton
    InventorySyncFlow inventorySync(Instance<D365Client> d365, Instance<CommerceClient> commerce, MappingProfile profile,
            InventorySyncConfig config) {
        return new InventorySyncFlow(d365::get, commerce::get, profile, config.pageSize(), config.chunkSize());
    }
}
