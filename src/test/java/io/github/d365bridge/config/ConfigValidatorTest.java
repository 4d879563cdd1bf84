package io.github.d365bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Validation on real SmallRye config built from properties, as Quarkus would build it. */
class ConfigValidatorTest {

    @Test
    void defaultsWithEmbeddedAzuriteAreValid() {
        assertThat(validate(Map.of("bridge.storage.azurite.embedded", "true"))).isEmpty();
    }

    @Test
    void missingStorageIsNamedWithItsAppSetting() {
        assertThat(validate(Map.of())).singleElement().asString()
                .contains("bridge.storage.connection-string (app setting BRIDGE_STORAGE_CONNECTION_STRING)")
                .contains("AzureWebJobsStorage");
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsKey() {
        List<String> problems = validate(Map.of(
                "bridge.storage.connection-string", "not-a-connection-string",
                "bridge.runtime.queues.batch-size", "64",
                "bridge.ops.key", "short",
                "bridge.d365.base-url", "http://contoso.operations.dynamics.com",
                "bridge.commerce.base-url", "https://shop.example.com",
                "bridge.commerce.auth-mode", "ADMIN_TOKEN",
                "bridge.commerce.admin-username", "integration"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("bridge.storage.connection-string"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.runtime.queues.batch-size"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.ops.key"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.d365.base-url").contains("https"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.d365.client-id (app setting BRIDGE_D365_CLIENT_ID)"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.commerce.admin-password"))
                .noneSatisfy(p -> assertThat(p).startsWith("bridge.commerce.admin-username"));
    }

    @Test
    void unresolvedKeyVaultReferenceIsNotTakenAsASecret() {
        assertThat(validate(Map.of("bridge.storage.azurite.embedded", "true",
                "bridge.ops.key", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/ops-key/)")))
                .singleElement().asString().startsWith("bridge.ops.key").contains("unresolved Key Vault reference");
    }

    @Test
    void adfsNeedsTheNamespacesPath() {
        List<String> problems = validate(Map.of("bridge.storage.azurite.embedded", "true",
                "bridge.d365.base-url", "https://aos.contoso.local", "bridge.d365.auth-mode", "ADFS",
                "bridge.d365.authority", "https://adfs.contoso.local/adfs", "bridge.d365.client-id", "id",
                "bridge.d365.client-secret", "secret"));
        assertThat(problems).singleElement().asString().contains("/namespaces/AXSF");
    }

    @Test
    void commerceClientSettingsAreCheckedWithTheirKeys() {
        List<String> problems = validate(Map.of("bridge.storage.azurite.embedded", "true",
                "bridge.commerce.base-url", "https://shop.example.com", "bridge.commerce.auth-mode", "BEARER",
                "bridge.commerce.access-token", "token",
                "bridge.commerce.default-store-code", "Default Store",
                "bridge.commerce.admin-token-refresh-margin", "PT5H",
                "bridge.commerce.max-attempts", "0"));
        assertThat(problems).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("bridge.commerce.default-store-code"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.commerce.admin-token-refresh-margin"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.commerce.max-attempts (app setting"
                        + " BRIDGE_COMMERCE_MAX_ATTEMPTS)"));
    }

    @Test
    void standaloneRuntimeSettingsAreCheckedWithTheirKeys() {
        List<String> problems = validate(Map.of("bridge.storage.azurite.embedded", "true",
                "bridge.runtime.queues.new-batch-threshold", "-1",
                "bridge.runtime.timers.lease-duration", "PT10S"));
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("bridge.runtime.queues.new-batch-threshold"))
                .anySatisfy(p -> assertThat(p).startsWith("bridge.runtime.timers.lease-duration").contains("15 and 60"));
        assertThat(validate(Map.of("bridge.storage.azurite.embedded", "true",
                "bridge.runtime.queues.new-batch-threshold", "0", "bridge.runtime.timers.lease-duration", "PT60S")))
                .isEmpty();
    }

    private static List<String> validate(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withDefaultValues(properties)
                .withMapping(StorageConfig.class).withMapping(RuntimeConfig.class).withMapping(OpsConfig.class)
                .withMapping(D365Config.class).withMapping(CommerceConfig.class).build();
        return ConfigValidator.validate(config.getConfigMapping(StorageConfig.class),
                config.getConfigMapping(RuntimeConfig.class), config.getConfigMapping(OpsConfig.class),
                config.getConfigMapping(D365Config.class), config.getConfigMapping(CommerceConfig.class));
    }
}
