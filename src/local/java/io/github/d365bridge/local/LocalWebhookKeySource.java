package io.github.d365bridge.local;

import java.security.KeyPair;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.github.d365bridge.client.commerce.webhook.PemPublicKeys;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.smallrye.config.SmallRyeConfig;

/**
 * The local run's webhook signing key pair, made at start and held in memory only. The Commerce sandbox
 * signs its order webhooks with the private half; this config source hands the public half to the intake
 * as {@code bridge.intake.webhook-public-key}, the property a real store's key is set with, so the intake
 * checks the sandbox's signatures exactly as it checks a store's. A config source rather than a bean,
 * because the intake's configuration is fixed before the first bean exists.
 *
 * <p>Only the public key is a configuration value. The private key is no property, is never written to a
 * file and never logged. The low ordinal lets a key set anywhere else win; {@link LocalWebhooks} then
 * sends no webhooks, since the sandbox cannot sign for that key.
 */
public final class LocalWebhookKeySource implements ConfigSource {

    static final String NAME = "bridge-local-webhook-key";
    static final String PUBLIC_KEY_PROPERTY = "bridge.intake.webhook-public-key";
    /** Below application.properties (250), environment (300) and system properties (400). */
    static final int ORDINAL = 100;

    private final KeyPair keyPair;
    private final String publicKeyPem;

    LocalWebhookKeySource(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.publicKeyPem = EventSigner.pem(keyPair.getPublic());
    }

    /** The source registered in {@code config}, if the local run's webhooks are on. */
    static Optional<LocalWebhookKeySource> in(Config config) {
        Iterator<ConfigSource> sources = config.unwrap(SmallRyeConfig.class)
                .getConfigSources(LocalWebhookKeySource.class).iterator();
        return sources.hasNext() ? Optional.of((LocalWebhookKeySource) sources.next()) : Optional.empty();
    }

    /** For the Commerce sandbox only. */
    KeyPair keyPair() {
        return keyPair;
    }

    /** Whether the intake's effective key is this source's, and not one set elsewhere (with a higher ordinal). */
    boolean isTheIntakeKey(Optional<String> effectivePem) {
        return effectivePem.filter(pem -> !pem.isBlank())
                .map(pem -> PemPublicKeys.parse(pem).equals(keyPair.getPublic())).orElse(false);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY_PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY_PROPERTY.equals(propertyName) ? publicKeyPem : null;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
