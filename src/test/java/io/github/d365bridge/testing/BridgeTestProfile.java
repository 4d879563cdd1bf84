package io.github.d365bridge.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile all Quarkus tests share (so Quarkus and its embedded Azurite boot once): test-only
 * queues for the scripted handlers, short retention, and a log file the secret-redaction test reads.
 */
public class BridgeTestProfile implements QuarkusTestProfile {

    public static final String LOG_FILE = "target/quarkus-test.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "TEST_SCRIPTED_QUEUE", "test-scripted",
                "TEST_CRASH_QUEUE", "test-crash",
                "TEST_TICK_SCHEDULE", "*/1 * * * * *",
                "bridge.housekeeping.claim-check-retention", "PT2S",
                "bridge.housekeeping.state-retention", "PT2S",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG_FILE,
                "quarkus.log.file.filter", "redact-secrets",
                "quarkus.log.file.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] [%X{correlationId}] %s%e%n");
    }
}
