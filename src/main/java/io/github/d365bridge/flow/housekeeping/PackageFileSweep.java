package io.github.d365bridge.flow.housekeeping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.github.d365bridge.client.d365.pkg.PackageFolder;
import io.quarkus.runtime.StartupEvent;

/**
 * Package files left in the local package folder (a process died between writing and deleting one) are
 * deleted once they are stale: at start-up, where a crash is most likely to have left some, daily on the
 * instance that handles the sweep message, and before each new package is written ({@link PackageFolder}).
 */
@ApplicationScoped
public class PackageFileSweep implements SweepTarget {

    private final PackageFolder folder;

    @Inject
    public PackageFileSweep(PackageFolder folder) {
        this.folder = folder;
    }

    void onStart(@Observes StartupEvent started) {
        folder.deleteStale(Integer.MAX_VALUE);
    }

    @Override
    public String name() {
        return "package-files";
    }

    @Override
    public int sweep(int limit) {
        return folder.deleteStale(limit);
    }
}
