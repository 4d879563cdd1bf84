package io.github.d365bridge.flow.dmf;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.github.d365bridge.client.d365.pkg.PackageFolder;
import io.github.d365bridge.config.HousekeepingConfig;

import io.github.d365bridge.storage.StorageAccount;

/**
 * The DMF job records and import locks as beans, on the tables the configuration names, and the local folder
 * packages wait in before their upload.
 */
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
    PackageFolder packageFolder(HousekeepingConfig config) {
        Path folder = config.packageFolder().filter(f -> !f.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "d365-bridge-packages"));
        return new PackageFolder(folder, config.packageFileRetention(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    DmfImportLock locks(StorageAccount storage,
            @ConfigProperty(name = "bridge.dmf.locks-table", defaultValue = "BridgeDmfLocks") String table) {
        return new DmfImportLock(storage, table);
    }
}
