package io.github.d365bridge.runtime;

import io.github.d365bridge.config.Connections;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The sandboxes and the local run's wiring are compiled into the application only with {@code -Dlocal}
 * (they never reach the production artifact). A dev run started without it and without connections of
 * its own would sit idle; this says why and what to type instead.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevRunHint {

    static final String LOCAL_RUN_CLASS = "io.github.d365bridge.local.LocalSandboxes";
    private static final Logger LOG = Logger.getLogger(DevRunHint.class);

    void onStart(@Observes StartupEvent start, Connections connections) {
        if (!connections.d365() && !connections.commerce() && !localRunCompiledIn()) {
            LOG.warn("No D365 and no Commerce connection configured, and this dev build has no sandboxes: "
                    + "for the local run on the sandboxes start it with ./mvnw quarkus:dev -Dlocal");
        }
    }

    static boolean localRunCompiledIn() {
        try {
            Class.forName(LOCAL_RUN_CLASS, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
