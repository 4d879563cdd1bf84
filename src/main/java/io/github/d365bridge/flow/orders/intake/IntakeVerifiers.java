package io.github.d365bridge.flow.orders.intake;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.client.commerce.webhook.AdobeIoKeyFetcher;
import io.github.d365bridge.client.commerce.webhook.CachingPublicKeyFetcher;
import io.github.d365bridge.client.commerce.webhook.CommerceWebhookVerifier;
import io.github.d365bridge.client.commerce.webhook.IoEventsVerifier;
import io.github.d365bridge.config.IntakeConfig;

/**
 * The signature checks of the intake endpoints, built once from configuration. The I/O Events key
 * cache lives as long as the application, so keys are fetched about once a day, not per delivery, and
 * only from the configured key host (the key path is caller-controlled). An endpoint whose check is not
 * configured refuses everything rather than accept unverified calls.
 */
@ApplicationScoped
public class IntakeVerifiers {

    private final Optional<CommerceWebhookVerifier> webhook;
    private final Optional<IoEventsVerifier> ioEvents;

    @Inject
    public IntakeVerifiers(IntakeConfig config) {
        this.webhook = config.webhookPublicKey().filter(pem -> !pem.isBlank()).map(CommerceWebhookVerifier::fromPem);
        IntakeConfig.IoEvents io = config.ioEvents();
        this.ioEvents = io.clientId().filter(id -> !id.isBlank()).map(clientId -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(io.keyFetchTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            AdobeIoKeyFetcher fetcher = new AdobeIoKeyFetcher(http, io.keyBaseUrl(),
                    Set.of(io.keyBaseUrl().getHost().toLowerCase(java.util.Locale.ROOT)), io.keyFetchTimeout());
            return new IoEventsVerifier(new CachingPublicKeyFetcher(fetcher, io.keyCacheTtl(), Clock.systemUTC()),
                    clientId);
        });
    }

    public Optional<CommerceWebhookVerifier> webhook() {
        return webhook;
    }

    public Optional<IoEventsVerifier> ioEvents() {
        return ioEvents;
    }
}
