package io.github.d365bridge.client.d365;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/** A D365 sandbox over HTTPS on Azurite, and D365 clients configured for it, for the client's tests. */
final class D365TestEnvironment implements AutoCloseable {

    static final String CLIENT_ID = "6f1c2b2a-bridge-test-app";
    static final String SECRET = "test-secret-Value~123456";
    static final String UNLISTED_ID = "9a9a9a9a-unlisted-app";
    static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");

    final D365Sandbox sandbox;
    final StorageAccount storage;

    D365TestEnvironment(UnaryOperator<D365SandboxOptions.Builder> customise) {
        storage = TestAzurite.storage();
        D365SandboxOptions.Builder builder = D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed(CLIENT_ID, SECRET))
                .client(ClientRegistration.unlisted(UNLISTED_ID, SECRET))
                .storageConnectionString(storage.connectionString())
                .dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(200), Duration.ofMillis(1));
        sandbox = D365Sandbox.start(customise.apply(builder).build());
    }

    D365ClientOptions options(String clientId, String secret, List<String> allowedBlobHosts) {
        return new D365ClientOptions(sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA, sandbox.entraAuthority(),
                clientId, new D365ClientOptions.Secret(secret), false, Duration.ofSeconds(30),
                new RetryOptions(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofSeconds(1)),
                allowedBlobHosts, Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), TLS.password().toCharArray(),
                        "test trust store")), Optional.empty());
    }

    /** The blob endpoint of the test Azurite, which the sandbox hands out SAS URLs on. */
    List<String> azuriteBlobHost() {
        URI blob = URI.create(storage.blobService().getAccountUrl());
        return List.of(blob.getHost() + ":" + blob.getPort());
    }

    D365Client client() {
        return D365Client.create(options(CLIENT_ID, SECRET, azuriteBlobHost()));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
