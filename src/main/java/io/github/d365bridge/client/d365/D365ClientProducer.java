package io.github.d365bridge.client.d365;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.config.ConfigurationException;
import io.github.d365bridge.config.D365Config;

/** Builds the single {@link D365Client} from configuration, on first use. */
@ApplicationScoped
public class D365ClientProducer {

    @Produces
    @ApplicationScoped
    @io.quarkus.arc.DefaultBean // the local run produces clients for its sandboxes instead
    D365Client client(D365Config config) {
        return D365Client.create(options(config));
    }

    static D365ClientOptions options(D365Config config) {
        if (config.baseUrl().isEmpty()) {
            throw new ConfigurationException(List.of("bridge.d365.base-url (app setting BRIDGE_D365_BASE_URL) is"
                    + " required to talk to D365"));
        }
        D365ClientOptions.Credential credential = config.certificatePath().isPresent()
                ? new D365ClientOptions.Certificate(Path.of(config.certificatePath().get()),
                        config.certificatePassword().orElse(""))
                : new D365ClientOptions.Secret(config.clientSecret().orElse(""));
        RetryOptions retry = new RetryOptions(config.maxAttempts(), Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofMinutes(2), config.throttleDefaultWait());
        return new D365ClientOptions(config.baseUrl().get(),
                D365ClientOptions.AuthMode.valueOf(config.authMode().name()), config.authority().orElseThrow(),
                config.clientId().orElseThrow(), credential, config.adfsFormPost(), config.requestTimeout(), retry,
                config.allowedBlobHosts().orElse(List.of()),
                config.trustStore().map(path -> TrustStores.fromPkcs12(Path.of(path),
                        config.trustStorePassword().orElse("").toCharArray(), "bridge.d365.trust-store")),
                config.clientPageSize());
    }

}
