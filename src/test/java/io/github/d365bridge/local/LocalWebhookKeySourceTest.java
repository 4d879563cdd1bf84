package io.github.d365bridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.webhook.CommerceWebhookVerifier;
import io.github.d365bridge.config.IntakeConfig;
import io.github.d365bridge.flow.orders.intake.IntakeVerifiers;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The local run's webhook key reaches the intake the way a store's key does, through
 * {@code bridge.intake.webhook-public-key} on real SmallRye config, and only in dev mode.
 */
class LocalWebhookKeySourceTest {

    private static final KeyPair SANDBOX_KEYS = EventSigner.generate();
    private static final byte[] BODY = "{\"eventName\":\"observer.sales_order_save_after\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theIntakeAcceptsWhatTheSandboxSignsAndNothingSignedByAnotherKey() {
        SmallRyeConfig config = config(new LocalWebhookKeySource(SANDBOX_KEYS));
        CommerceWebhookVerifier webhook = new IntakeVerifiers(config.getConfigMapping(IntakeConfig.class)).webhook()
                .orElseThrow();

        assertThat(webhook.verify(EventSigner.sign(SANDBOX_KEYS, BODY), BODY).valid()).isTrue();
        assertThat(webhook.verify(EventSigner.sign(EventSigner.generate(), BODY), BODY).valid()).isFalse();
        assertThat(LocalWebhookKeySource.in(config)).get()
                .satisfies(source -> assertThat(source.keyPair()).isSameAs(SANDBOX_KEYS));
    }

    @Test
    void aKeySetAnywhereElseWins() {
        String own = EventSigner.pem(EventSigner.generate().getPublic());
        SmallRyeConfig config = config(new LocalWebhookKeySource(SANDBOX_KEYS),
                new PropertiesConfigSource(Map.of(LocalWebhookKeySource.PUBLIC_KEY_PROPERTY, own), "application.properties", 250));

        assertThat(config.getConfigMapping(IntakeConfig.class).webhookPublicKey()).contains(own);
        assertThat(LocalWebhookKeySource.in(config).orElseThrow()
                .isTheIntakeKey(config.getConfigMapping(IntakeConfig.class).webhookPublicKey())).isFalse();
    }

    @Test
    void recognisesItsKeyAsTheIntakeKeyHoweverThePemIsWritten() {
        LocalWebhookKeySource source = new LocalWebhookKeySource(SANDBOX_KEYS);
        String pem = source.getValue(LocalWebhookKeySource.PUBLIC_KEY_PROPERTY);

        assertThat(source.isTheIntakeKey(java.util.Optional.of(pem))).isTrue();
        assertThat(source.isTheIntakeKey(java.util.Optional.of(pem.replace("\n", "\\n")))).isTrue();
        assertThat(source.isTheIntakeKey(java.util.Optional.empty())).isFalse();
        assertThat(source.isTheIntakeKey(java.util.Optional.of(" "))).isFalse();
    }

    @Test
    void onlyThePublicKeyIsAConfigurationValue() {
        LocalWebhookKeySource source = new LocalWebhookKeySource(SANDBOX_KEYS);
        String privateKey = Base64.getMimeEncoder().encodeToString(SANDBOX_KEYS.getPrivate().getEncoded()).substring(0, 64);

        assertThat(source.getProperties()).containsOnlyKeys(LocalWebhookKeySource.PUBLIC_KEY_PROPERTY);
        assertThat(source.getValue(LocalWebhookKeySource.PUBLIC_KEY_PROPERTY))
                .startsWith("-----BEGIN PUBLIC KEY-----").doesNotContain(privateKey);
        assertThat(source.toString()).doesNotContain(privateKey);
    }

    @Test
    void theFactoryActsInDevModeOnlyAndCanBeSwitchedOff() {
        assertThat(LocalWebhookKeySourceFactory.active(LaunchMode.DEVELOPMENT, null)).isTrue();
        assertThat(LocalWebhookKeySourceFactory.active(LaunchMode.DEVELOPMENT, value("true"))).isTrue();
        assertThat(LocalWebhookKeySourceFactory.active(LaunchMode.DEVELOPMENT, value("false"))).isFalse();
        assertThat(LocalWebhookKeySourceFactory.active(LaunchMode.NORMAL, value("true"))).isFalse();
        assertThat(LocalWebhookKeySourceFactory.active(LaunchMode.TEST, null)).isFalse();
    }

    private static SmallRyeConfig config(org.eclipse.microprofile.config.spi.ConfigSource... sources) {
        return new SmallRyeConfigBuilder().withMapping(IntakeConfig.class).withSources(sources).build();
    }

    private static ConfigValue value(String text) {
        return ConfigValue.builder().withName(LocalWebhookKeySourceFactory.ENABLED).withValue(text).build();
    }
}
