package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.config.CommerceConfig;
import io.github.d365bridge.config.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Options built from real SmallRye config, as Quarkus would build them, without booting Quarkus. */
class CommerceClientProducerTest {

    @Test
    void oauthIsTheDefaultAndDefaultsMatchTheDocumentedOnes() {
        CommerceClientOptions options = CommerceClientProducer.options(config(Map.of(
                "bridge.commerce.base-url", "https://shop.example.com/",
                "bridge.commerce.consumer-key", "ck", "bridge.commerce.consumer-secret", "cs",
                "bridge.commerce.access-token", "at", "bridge.commerce.access-token-secret", "ats")));

        assertThat(options.baseUrl()).hasToString("https://shop.example.com");
        assertThat(options.credentials()).isInstanceOf(CommerceCredentials.OAuth1.class);
        assertThat(options.defaultStoreCode()).isEqualTo("default");
        assertThat(options.adminTokenLifetime()).isEqualTo(Duration.ofHours(4));
        assertThat(options.adminLoginCooldown()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.retry().maxAttempts()).isEqualTo(4);
        assertThat(options.sslContext()).isEmpty();
        assertThat(options.toString()).doesNotContain("cs").doesNotContain("ats");
        assertThat(CommerceClient.create(options).storeCode()).isEqualTo("default");
    }

    @Test
    void adminModeTakesTheUserAndTheTokenSettings() {
        CommerceClientOptions options = CommerceClientProducer.options(config(Map.of(
                "bridge.commerce.base-url", "https://shop.example.com", "bridge.commerce.auth-mode", "ADMIN_TOKEN",
                "bridge.commerce.admin-username", "bridge", "bridge.commerce.admin-password", "s3cret-pw",
                "bridge.commerce.admin-token-lifetime", "PT1H", "bridge.commerce.admin-login-cooldown", "PT45M",
                "bridge.commerce.default-store-code", "b2b_en")));

        assertThat(options.credentials()).isEqualTo(new CommerceCredentials.AdminUser("bridge", "s3cret-pw"));
        assertThat(options.credentials().toString()).doesNotContain("s3cret-pw");
        assertThat(options.adminTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(options.adminLoginCooldown()).isEqualTo(Duration.ofMinutes(45));
        assertThat(options.defaultStoreCode()).isEqualTo("b2b_en");
    }

    @Test
    void missingBaseUrlNamesTheAppSetting() {
        assertThatThrownBy(() -> CommerceClientProducer.options(config(Map.of())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("BRIDGE_COMMERCE_BASE_URL");
    }

    private static CommerceConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withDefaultValues(properties)
                .withMapping(CommerceConfig.class).build();
        return config.getConfigMapping(CommerceConfig.class);
    }
}
