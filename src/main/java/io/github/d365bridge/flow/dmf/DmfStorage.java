package io.github.d365bridge.flow.dmf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.github.d365bridge.storage.StorageAccount;

/** The DMF job records and import locks as beans, on the tables the configuration names. */
@ApplicationScoped
public class DmfStorage {

    @Produces
    @Singleton
    DmfJobStore jobs(StorageAccount storage,
            @ConfigProperty(name = "bridge.dmf.jobs-table", defaultValue = "BridgeDmfJobs") String table) {
        return new DmfJobStore(storage, table);
    }

    @Produces
    @Singleton
    DmfImportLock locks(StorageAccount storage,
            @ConfigProperty(name = "bridge.dmf.locks-table", defaultValue = "BridgeDmfLocks") String table) {
        return new DmfImportLock(storage, table);
    }
}
