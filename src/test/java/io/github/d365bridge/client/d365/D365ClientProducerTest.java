package io.github.d365bridge.client.d365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.config.ConfigurationException;
import io.github.d365bridge.config.D365Config;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Configuration properties become client options exactly as documented in the README. */
class D365ClientProducerTest {

    @Test
    void mapsEveryPropertyIntoTheOptions() {
        D365ClientOptions options = D365ClientProducer.options(config(Map.of(
                "bridge.d365.base-url", "https://contoso.operations.dynamics.com/",
                "bridge.d365.authority", "https://login.microsoftonline.com/tenant-id",
                "bridge.d365.client-id", "app-id", "bridge.d365.client-secret", "s3cr3t",
                "bridge.d365.max-attempts", "6", "bridge.d365.throttle-default-wait", "PT12S",
                "bridge.d365.allowed-blob-hosts", "bridgestore.blob.core.windows.net,127.0.0.1:10000",
                "bridge.d365.client-page-size", "5000")));

        assertThat(options.baseUrl()).hasToString("https://contoso.operations.dynamics.com");
        assertThat(options.scope()).isEqualTo("https://contoso.operations.dynamics.com/.default");
        assertThat(options.dataRoot()).hasToString("https://contoso.operations.dynamics.com/data/");
        assertThat(options.credential()).isInstanceOf(D365ClientOptions.Secret.class).hasToString("Secret[***]");
        assertThat(options.retry().maxAttempts()).isEqualTo(6);
        assertThat(options.retry().defaultThrottleWait()).isEqualTo(Duration.ofSeconds(12));
        assertThat(options.allowedBlobHosts()).containsExactly("bridgestore.blob.core.windows.net", "127.0.0.1:10000");
        assertThat(options.clientPageSize()).contains(5000);
        assertThat(options.sslContext()).isEmpty();
    }

    @Test
    void missingBaseUrlNamesTheSetting() {
        assertThatThrownBy(() -> D365ClientProducer.options(config(Map.of())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("BRIDGE_D365_BASE_URL");
    }

    private static D365Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withDefaultValues(properties).withMapping(D365Config.class).build()
                .getConfigMapping(D365Config.class);
    }
}
