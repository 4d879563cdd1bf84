package io.github.d365bridge.local;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.storage.StorageAccount;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Startup;

/**
 * The local run's D365 and Commerce: both sandboxes on loopback, D365's DMF on the embedded Azurite,
 * a steady trickle of demo orders in Commerce, and the two sandboxes' data lined up (every Commerce SKU
 * released in D365, the guest accounts the mapping profile books guest orders on). Exists in the dev
 * build only ({@code ./mvnw quarkus:dev -Dlocal}); tests start their own sandboxes and the production build
 * never contains this bean. The D365 client secret is made up at start and lives only in memory.
 */
@IfBuildProfile("dev")
@Startup
@Singleton
public class LocalSandboxes {

    private static final Logger LOG = Logger.getLogger(LocalSandboxes.class);
    private static final String CLIENT_ID = "local-bridge-app";

    private final D365Sandbox d365;
    private final CommerceSandbox commerce;
    private final String clientSecret;
    private final SandboxTls tls;
    private final List<String> blobHosts;

    /**
     * The sandboxes start empty every run, but the sync state persists in .azurite: left as it is, the syncs would
     * take the new, empty Commerce sandbox for one that has every product and customer already, and write nothing.
     */
    private static void forgetEarlierSyncs(StorageAccount storage, Config config) {
        int forgotten = 0;
        for (String setting : List.of("bridge.sync.state-table", "bridge.sync.runs-table")) {
            String name = config.getOptionalValue(setting, String.class)
                    .orElse(setting.endsWith("state-table") ? "BridgeSyncState" : "BridgeSyncRuns");
            var table = storage.table(name);
            for (var entity : table.listEntities()) {
                table.deleteEntity(entity.getPartitionKey(), entity.getRowKey());
                forgotten++;
            }
        }
        if (forgotten > 0) {
            LOG.infof("Forgot %d sync state rows of earlier local runs (the sandboxes start empty)", forgotten);
        }
    }

    @Inject
    public LocalSandboxes(StorageAccount storage, Config config,
            @ConfigProperty(name = "bridge.local.orders-per-minute", defaultValue = "6") int ordersPerMinute) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.tls = SandboxTls.inFolder(Path.of(".bridge", "sandbox-tls"), "local-sandbox");
        this.d365 = D365Sandbox.start(D365SandboxOptions.builder().tls(tls)
                .client(ClientRegistration.listed(CLIENT_ID, clientSecret))
                .storageConnectionString(storage.connectionString()).dmfContainer("dmf")
                // product masters with colour/size variants and product relations, so the catalog run shows them
                .seedSizes(SeedSizes.DEFAULT_WITH_VARIANTS)
                .dmfLatency(Duration.ofSeconds(3), Duration.ofMillis(5)).build());
        // Signs webhooks with the pair whose public half the intake was configured with (LocalWebhooks sends them).
        this.commerce = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(0)
                .webhookKeyPair(LocalWebhookKeySource.in(config).map(LocalWebhookKeySource::keyPair).orElse(null))
                .build());
        // The sandboxes start empty every run but the bridge's ledger persists in .azurite: number this run's
        // orders apart from earlier runs', or the ledger would take them for orders it has already imported.
        commerce.data().orderTable().startIdsAt((int) (java.time.Instant.now().getEpochSecond() % 900_000) * 1000 + 1);
        commerce.orders().trickle(ordersPerMinute);
        forgetEarlierSyncs(storage, config);
        URI blob = URI.create(storage.blobService().getAccountUrl());
        this.blobHosts = List.of(blob.getHost() + ":" + blob.getPort());
        SandboxAlignment.lineUp(commerce, d365);
        LOG.infof("Local sandboxes up: D365 %s, Commerce %s (%d demo orders per minute)", d365.baseUrl(),
                commerce.baseUrl(), ordersPerMinute);
    }

    D365ClientOptions d365Options() {
        return new D365ClientOptions(d365.baseUrl(), D365ClientOptions.AuthMode.ENTRA, d365.entraAuthority(), CLIENT_ID,
                new D365ClientOptions.Secret(clientSecret), false, Duration.ofSeconds(30),
                new RetryOptions(4, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(1),
                        Duration.ofSeconds(10)), blobHosts,
                Optional.of(TrustStores.fromPkcs12(tls.trustStore(), tls.password().toCharArray(), "local sandbox")),
                Optional.empty());
    }

    CommerceSandbox commerce() {
        return commerce;
    }

    CommerceClientOptions commerceOptions() {
        return CommerceClientOptions.builder(commerce.baseUrl(),
                new CommerceCredentials.OAuth1(commerce.options().integration())).build();
    }

    @PreDestroy
    void stop() {
        commerce.close();
        d365.close();
    }
}
