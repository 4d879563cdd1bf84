package io.github.d365bridge.flow.dmf;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.pkg.PackageFolder;
import io.github.d365bridge.config.D365Config;
import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;

/**
 * Wires DMF job supervision from its own configuration ({@link DmfConfig}) and queue setting: the job
 * records, the data project locks, the local folder packages wait in, and the one supervisor every flow's
 * imports and exports go through.
 */
@ApplicationScoped
public class DmfBeans {

    /** App setting naming the queue of the status checks ({@link DmfStatusCheckHandler}). */
    public static final String STATUS_QUEUE_SETTING = "DMF_STATUS_QUEUE";

    @Produces
    @Singleton
    DmfJobStore jobs(StorageAccount storage, DmfConfig config) {
        return new DmfJobStore(storage, config.jobsTable());
    }

    @Produces
    @Singleton
    DmfImportLock locks(StorageAccount storage, DmfConfig config) {
        return new DmfImportLock(storage, config.locksTable());
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
    DmfJobSupervisor supervisor(D365Client d365, DmfImportLock lock, DmfJobStore jobs, QueuePublisher publisher,
            Config settings, DmfConfig config, D365Config d365Config, Instance<DmfJobListener> listeners,
            Event<DmfImportEnded> ended) {
        // Every flow's listener: each handles the jobs of its purpose.
        List<DmfJobListener> all = listeners.stream().toList();
        // one submit call with the client's retries, plus their back-off
        DmfSupervisionOptions options = config.options(
                d365Config.requestTimeout().multipliedBy(d365Config.maxAttempts()).plusMinutes(1));
        return new DmfJobSupervisor(d365, lock, jobs, publisher, HandlerRegistry.setting(settings, STATUS_QUEUE_SETTING),
                options, all, Clock.systemUTC(), ended::fireAsync);
    }
}
