package io.github.d365bridge.flow.catalog;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.mapping.MappingProfile;

/** The catalog and price flows as beans of the sync engine; the clients are resolved on first use. */
@ApplicationScoped
public class CatalogSyncBeans {

    @Produces
    @Singleton
    CatalogSyncFlow catalogSync(Instance<D365Client> d365, Instance<CommerceClient> commerce, MappingProfile profile,
            CatalogSyncConfig config) {
        return new CatalogSyncFlow(d365::get, commerce::get, profile, config.pageSize(), config.bulkSize(),
                config.bulkWait(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    PriceSyncFlow priceSync(Instance<D365Client> d365, Instance<CommerceClient> commerce, MappingProfile profile,
            PriceSyncConfig config) {
        return new PriceSyncFlow(d365::get, commerce::get, profile, config.pageSize(), config.rowsPerCall(),
                Clock.systemUTC());
    }
}
