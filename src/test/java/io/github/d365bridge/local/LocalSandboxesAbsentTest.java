package io.github.d365bridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.eclipse.microprofile.config.Config;

import io.github.d365bridge.config.Connections;
import io.github.d365bridge.config.IntakeConfig;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The local run's sandboxes exist in the dev build only: in any other build (this test build, like the
 * production Functions package) there is no such bean, the connections follow configuration, and the
 * intake's webhook key is the configured one, not a key made up by the local run.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class LocalSandboxesAbsentTest {

    @Inject
    Instance<LocalSandboxes> sandboxes;
    @Inject
    Instance<LocalSandboxClients> clients;
    @Inject
    Instance<LocalWebhooks> webhooks;
    @Inject
    Connections connections;
    @Inject
    Config config;
    @Inject
    IntakeConfig intake;
    @InjectCommerceSandbox
    CommerceSandbox configuredStore;

    @Test
    void outsideTheDevBuildNothingStartsSandboxesOrPretendsToBeConnected() {
        assertThat(sandboxes.isResolvable()).isFalse();
        assertThat(clients.isResolvable()).isFalse();
        assertThat(webhooks.isResolvable()).isFalse();
        assertThat(connections.d365()).as("no D365 base URL in the test configuration").isFalse();
    }

    @Test
    void outsideDevModeTheIntakeKeepsTheConfiguredWebhookKey() {
        assertThat(LocalWebhookKeySource.in(config)).isEmpty();
        assertThat(config.getConfigSources()).noneMatch(s -> s.getName().equals(LocalWebhookKeySource.NAME));
        assertThat(intake.webhookPublicKey()).contains(configuredStore.publicKeys().get("/webhook/public-key.pem"));
    }
}
