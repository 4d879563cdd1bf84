package io.github.d365bridge.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.storage.StorageAccount;

/**
 * What the D365 → Commerce flow tests share: both sandboxes on loopback (D365's DMF on the test Azurite), the
 * bridge's real clients against them over HTTP, and the mapping profile made of the default and a test's
 * override.
 */
public final class SyncTestClients {

    public static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final String CLIENT_ID = "sync-app";
    private static final String CLIENT_SECRET = "sync-secret-0123456789";

    private SyncTestClients() {
    }

    /** A D365 sandbox seeded with {@code sizes}, registered for the client {@link #d365} makes. */
    public static D365Sandbox d365Sandbox(StorageAccount storage, SeedSizes sizes) {
        return D365Sandbox.start(D365SandboxOptions.builder().tls(TLS).seedSizes(sizes)
                .client(ClientRegistration.listed(CLIENT_ID, CLIENT_SECRET))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf")).build());
    }

    /** A Commerce sandbox with the three store views of the catalog tests (one German). */
    public static CommerceSandbox commerceSandboxWithGermanStoreView() {
        return CommerceSandbox.start(CommerceSandboxOptions.builder().storeViews(List.of(
                new CommerceSandboxOptions.StoreView(1, "default", 1, "Default Store View", "USD"),
                new CommerceSandboxOptions.StoreView(2, "eu_en", 2, "EU English", "EUR"),
                new CommerceSandboxOptions.StoreView(3, "eu_de", 2, "EU Deutsch", "EUR"))).build());
    }

    public static D365Client d365(D365Sandbox sandbox, StorageAccount storage) {
        URI blob = URI.create(storage.blobService().getAccountUrl());
        return D365Client.create(new D365ClientOptions(sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                sandbox.entraAuthority(), CLIENT_ID, new D365ClientOptions.Secret(CLIENT_SECRET), false,
                Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "test")), Optional.empty()));
    }

    /** The Commerce client, polling bulks every 20–200 ms so the tests do not wait on their own backoff. */
    public static CommerceClient commerce(CommerceSandbox sandbox) {
        return CommerceClient.create(CommerceClientOptions.builder(sandbox.baseUrl(),
                new CommerceCredentials.OAuth1(sandbox.options().integration()))
                .bulkPoll(Duration.ofMillis(20), Duration.ofMillis(200)).build());
    }

    /** The default profile with {@code override} merged in, validated. */
    public static MappingProfile profile(String override) {
        return MappingProfileLoader.withOverride(override, "test");
    }
}
