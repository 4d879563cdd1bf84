package io.github.d365bridge.local;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.config.Connections;
import io.quarkus.arc.profile.IfBuildProfile;

/** In the local run, the clients and connection state point at {@link LocalSandboxes} (dev build only). */
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalSandboxClients {

    @Produces
    @ApplicationScoped
    D365Client d365(LocalSandboxes sandboxes) {
        return D365Client.create(sandboxes.d365Options());
    }

    @Produces
    @ApplicationScoped
    CommerceClient commerce(LocalSandboxes sandboxes) {
        return CommerceClient.create(sandboxes.commerceOptions());
    }

    @Produces
    @ApplicationScoped
    Connections connections() {
        return new Connections() {
            @Override
            public boolean d365() {
                return true;
            }

            @Override
            public boolean commerce() {
                return true;
            }
        };
    }
}
