package io.github.d365bridge.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.config.Connections;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The local run's sandboxes exist in the dev build only: in any other build (this test build, like the
 * production Functions package) there is no such bean and the connections follow configuration.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class LocalSandboxesAbsentTest {

    @Inject
    Instance<LocalSandboxes> sandboxes;
    @Inject
    Instance<LocalSandboxClients> clients;
    @Inject
    Connections connections;

    @Test
    void outsideTheDevBuildNothingStartsSandboxesOrPretendsToBeConnected() {
        assertThat(sandboxes.isResolvable()).isFalse();
        assertThat(clients.isResolvable()).isFalse();
        assertThat(connections.d365()).as("no D365 base URL in the test configuration").isFalse();
    }
}
