package io.github.d365bridge.flow.orders.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.EmbeddedAzurite;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeProcess;
import io.github.d365bridge.testing.LoopbackProxy;

/**
 * Everything the chaos run's bridge process talks to, all on 127.0.0.1: an in-memory Azurite of its own
 * (it outlives every bridge process, so a restarted bridge finds its queues and ledger), a
 * {@link LoopbackProxy} in front of each of its three ports (the bridge's connection string points at
 * them, so storage can go down without losing data), the D365 sandbox over HTTPS with its DMF blobs on
 * the same Azurite directly (D365's storage is not the bridge's and stays up in a storage outage), and the
 * Commerce sandbox delivering signed webhooks to the bridge's HTTP port. {@link #bridge()} builds the
 * process with every setting the prod profile needs; secrets go in as environment variables.
 */
final class ChaosSystems implements AutoCloseable {

    static final String CLIENT_ID = "chaos-bridge-app";
    static final Path FOLDER = Path.of("target", "chaos");

    private final EmbeddedAzurite azurite;
    private final LoopbackProxy blob;
    private final LoopbackProxy queue;
    private final LoopbackProxy table;
    private final SandboxTls tls;
    private final String clientSecret = randomHex();
    private final String opsKey = randomHex();
    private final int httpPort = BridgeProcess.freePort();
    private final D365Sandbox d365;
    private final CommerceSandbox commerce;

    ChaosSystems(long seed) {
        azurite = EmbeddedAzurite.start("node_modules/.bin/azurite", FOLDER.resolve("azurite"), true, 0, 0, 0);
        blob = LoopbackProxy.to(azurite.blobPort());
        queue = LoopbackProxy.to(azurite.queuePort());
        table = LoopbackProxy.to(azurite.tablePort());
        tls = SandboxTls.inFolder(FOLDER.resolve("sandbox-tls"), "chaos-tls");
        d365 = D365Sandbox.start(D365SandboxOptions.builder().tls(tls).seed(seed)
                .client(ClientRegistration.listed(CLIENT_ID, clientSecret))
                .storageConnectionString(azurite.connectionString()).dmfContainer("chaos-dmf")
                .dmfLatency(ChaosSettings.DMF_JOB_LATENCY, ChaosSettings.DMF_ROW_LATENCY).build());
        commerce = CommerceSandbox.start(CommerceSandboxOptions.builder().seed(seed).seedOrders(0)
                .webhookUrl(URI.create("http://127.0.0.1:" + httpPort + "/api/intake/commerce/webhook"))
                .webhookKeyPair(EventSigner.generate()).build());
    }

    /** The bridge process on the proxied storage, both sandboxes and short test timings; not started. */
    BridgeProcess.Builder bridge() {
        OAuthCredentials integration = commerce.options().integration();
        URI dmfBlobs = URI.create(new StorageAccount(azurite.connectionString()).blobService().getAccountUrl());
        BridgeProcess.Builder builder = BridgeProcess.builder().name("order-flow-chaos").httpPort(httpPort)
                .jvmArg("-Xmx384m").readyTimeout(ChaosSettings.BRIDGE_READY_TIMEOUT)
                .env("BRIDGE_STORAGE_CONNECTION_STRING", proxiedConnectionString())
                .env("BRIDGE_OPS_KEY", opsKey)
                .env("BRIDGE_D365_CLIENT_SECRET", clientSecret)
                .env("BRIDGE_D365_TRUST_STORE_PASSWORD", tls.password())
                .env("BRIDGE_COMMERCE_CONSUMER_SECRET", integration.consumerSecret())
                .env("BRIDGE_COMMERCE_ACCESS_TOKEN", integration.token())
                .env("BRIDGE_COMMERCE_ACCESS_TOKEN_SECRET", integration.tokenSecret())
                .env("BRIDGE_INTAKE_WEBHOOK_PUBLIC_KEY", commerce.publicKeys().get("/webhook/public-key.pem"))
                .systemProperty("bridge.d365.base-url", d365.baseUrl().toString())
                .systemProperty("bridge.d365.authority", d365.entraAuthority().toString())
                .systemProperty("bridge.d365.client-id", CLIENT_ID)
                .systemProperty("bridge.d365.trust-store", tls.trustStore().toAbsolutePath().toString())
                .systemProperty("bridge.d365.allowed-blob-hosts", dmfBlobs.getHost() + ":" + dmfBlobs.getPort())
                .systemProperty("bridge.commerce.base-url", commerce.baseUrl().toString())
                .systemProperty("bridge.commerce.auth-mode", "OAUTH1")
                .systemProperty("bridge.commerce.consumer-key", integration.consumerKey())
                .systemProperty("bridge.commerce.store-codes.\"2\"", "eu_en")
                .systemProperty("bridge.mapping.profile", mappingProfile().toAbsolutePath().toString());
        ChaosSettings.bridgeSettings().forEach(builder::systemProperty);
        return builder;
    }

    /** The ledger as the bridge wrote it, read from Azurite directly (the proxies may be down). */
    OrderLedger ledger() {
        return new OrderLedger(new StorageAccount(azurite.connectionString()), "BridgeOrderLedger");
    }

    D365Sandbox d365() {
        return d365;
    }

    CommerceSandbox commerce() {
        return commerce;
    }

    /** The proxies in front of blob, queue and table storage. */
    List<LoopbackProxy> storageProxies() {
        return List.of(blob, queue, table);
    }

    /** Every SKU Commerce sells released in D365 except {@code unknownItem}, guest accounts in place. */
    void lineUp() {
        SandboxAlignment.lineUp(commerce, d365);
    }

    private String proxiedConnectionString() {
        String text = azurite.connectionString();
        for (Map.Entry<Integer, Integer> port : Map.of(azurite.blobPort(), blob.port(), azurite.queuePort(), queue.port(),
                azurite.tablePort(), table.port()).entrySet()) {
            text = text.replace("127.0.0.1:" + port.getKey() + "/", "127.0.0.1:" + port.getValue() + "/");
        }
        return text;
    }

    /** Registered customers without a cross-reference go to the guest account, as in the in-process tests. */
    private static Path mappingProfile() {
        try {
            Path file = FOLDER.resolve("mapping-profile.yaml");
            Files.createDirectories(FOLDER);
            Files.writeString(file, "customers:\n  unresolvedCustomer: guest-account\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        try (azurite; blob; queue; table; d365; commerce) {
            // closed in reverse order: sandboxes, proxies, then Azurite
        }
    }
}
