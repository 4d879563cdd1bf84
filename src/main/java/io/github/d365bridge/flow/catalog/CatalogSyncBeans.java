package io.github.d365bridge.flow.catalog;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.mapping.MappingProfile;

/** The catalog flow as a bean of the sync engine; the clients are resolved on first use. */
@ApplicationScoped
public class CatalogSyncBeans {

    @Produces
    @Singleton
    CatalogSyncFlow catalogSync(Instance<D365Client> d365, Instance<CommerceClient> commerce, MappingProfile profile,
            CatalogSyncConfig config) {
        return new CatalogSyncFlow(d365::get, commerce::get, profile, config.pageSize(), config.bulkSize(),
                config.bulkWait(), Clock.systemUTC());
    }
}
