package io.github.d365bridge.client.commerce;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.config.CommerceConfig;
import io.github.d365bridge.config.ConfigurationException;

/** Builds the single {@link CommerceClient} from configuration, on first use. */
@ApplicationScoped
public class CommerceClientProducer {

    @Produces
    @ApplicationScoped
    @io.quarkus.arc.DefaultBean // the local run produces clients for its sandboxes instead
    CommerceClient client(CommerceConfig config) {
        return CommerceClient.create(options(config));
    }

    static CommerceClientOptions options(CommerceConfig config) {
        if (config.baseUrl().isEmpty()) {
            throw new ConfigurationException(List.of("bridge.commerce.base-url (app setting BRIDGE_COMMERCE_BASE_URL)"
                    + " is required to talk to Commerce"));
        }
        RetryOptions retry = new RetryOptions(config.maxAttempts(), Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofMinutes(2), config.throttleDefaultWait());
        return CommerceClientOptions.builder(config.baseUrl().get(), credentials(config))
                .defaultStoreCode(config.defaultStoreCode())
                .requestTimeout(config.requestTimeout())
                .retry(retry)
                .sslContext(config.trustStore().map(path -> TrustStores.fromPkcs12(Path.of(path),
                        config.trustStorePassword().orElse("").toCharArray(), "bridge.commerce.trust-store")))
                .adminToken(config.adminTokenLifetime(), config.adminTokenRefreshMargin(), config.adminLoginCooldown())
                .bulkPoll(config.bulkPollInitialDelay(), config.bulkPollMaxDelay())
                .build();
    }

    private static CommerceCredentials credentials(CommerceConfig config) {
        return switch (config.authMode()) {
            case OAUTH1 -> new CommerceCredentials.OAuth1(new OAuthCredentials(config.consumerKey().orElse(null),
                    config.consumerSecret().orElse(null), config.accessToken().orElse(null),
                    config.accessTokenSecret().orElse(null)));
            case BEARER -> new CommerceCredentials.Bearer(config.accessToken().orElse(null));
            case ADMIN_TOKEN -> new CommerceCredentials.AdminUser(config.adminUsername().orElse(null),
                    config.adminPassword().orElse(null));
        };
    }
}
