package io.github.d365bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Intake settings validated on real SmallRye config: defaults pass, each bad value is named with its key. */
class IntakeConfigValidationTest {

    @Test
    void defaultsAreValidAndPointAtAdobesKeyHost() {
        IntakeConfig config = load(Map.of());
        assertThat(ConfigValidator.validateIntake(config)).isEmpty();
        assertThat(config.ioEvents().keyBaseUrl().toString()).isEqualTo("https://static.adobeioevents.com");
        assertThat(config.maxBodyBytes()).isEqualTo(262144);
        assertThat(config.poll().overlap()).hasMinutes(10);
    }

    @Test
    void everyBadValueIsNamed() {
        List<String> problems = ConfigValidator.validateIntake(load(Map.of(
                "bridge.intake.max-body-bytes", "10",
                "bridge.intake.webhook-public-key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                "bridge.intake.io-events.key-base-url", "http://static.example.com",
                "bridge.intake.io-events.key-cache-ttl", "PT25H",
                "bridge.intake.poll.page-size", "500",
                "bridge.intake.poll.overlap", "-PT1M",
                "bridge.intake.poll.checkpoint-table", "no-dashes")));
        assertThat(problems).hasSize(7).allSatisfy(p -> assertThat(p).contains("(app setting BRIDGE_INTAKE_"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("bridge.intake.webhook-public-key"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.intake.io-events.key-cache-ttl"));
    }

    private static IntakeConfig load(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(IntakeConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(values, "test", 500)).build();
        return config.getConfigMapping(IntakeConfig.class);
    }
}
