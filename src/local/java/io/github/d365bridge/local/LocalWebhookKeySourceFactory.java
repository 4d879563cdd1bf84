package io.github.d365bridge.local;

import java.util.List;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Adds a fresh {@link LocalWebhookKeySource} to the configuration of the local run
 * ({@code ./mvnw quarkus:dev -Dlocal}) while {@code bridge.local.webhooks} is not {@code false}. Config sources are
 * found through the service loader, so this factory ships in every build; it acts only in Quarkus dev
 * mode, which is how the app was launched, not a profile a deployment could switch on. Every other build
 * keeps {@code bridge.intake.webhook-public-key} exactly as configured (a test checks).
 */
public final class LocalWebhookKeySourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "bridge.local.webhooks";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!active(LaunchMode.current(), context.getValue(ENABLED))) {
            return List.of();
        }
        return List.of(new LocalWebhookKeySource(EventSigner.generate()));
    }

    /** Dev mode only, and on unless {@code bridge.local.webhooks=false}. */
    static boolean active(LaunchMode mode, ConfigValue enabled) {
        String value = enabled == null ? null : enabled.getValue();
        return mode == LaunchMode.DEVELOPMENT && (value == null || Boolean.parseBoolean(value.trim()));
    }
}
