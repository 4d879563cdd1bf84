package io.github.d365bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Store codes are a map keyed by quoted store ids; on Azure they can only come as app settings
 * (environment variables). The form the infrastructure templates write must reach the map on real
 * SmallRye config, next to and over the default in application.properties.
 */
class StoreCodesAppSettingTest {

    @Test
    void theTemplatesAppSettingFormReachesTheMapAndWinsOverTheFile() {
        String second = ConfigValidator.appSetting("bridge.commerce.store-codes.\"2\"");
        assertThat(second).isEqualTo("BRIDGE_COMMERCE_STORE_CODES__2_");

        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(CommerceConfig.class)
                .withSources(new EnvConfigSource(Map.of(second, "eu_en", "BRIDGE_COMMERCE_STORE_CODES__1_", "main"), 300),
                        new PropertiesConfigSource(Map.of("bridge.commerce.store-codes.\"1\"", "default"),
                                "application.properties", 250))
                .build();

        assertThat(config.getConfigMapping(CommerceConfig.class).storeCodes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("1", "main", "2", "eu_en"));
    }
}
