package io.github.d365bridge.testing;

import java.util.List;
import java.util.Map;

import io.github.d365bridge.flow.orders.intake.CommerceSandboxResource;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one profile all Quarkus tests share (so Quarkus and its embedded Azurite boot once): test-only
 * queues for the scripted handlers, short retention, a log file the secret-redaction test reads, and
 * a Commerce sandbox the bridge is connected to (intake endpoints, polling). The order poll timer is
 * set to a yearly schedule so it never runs on its own during a test: tests call it.
 */
public class BridgeTestProfile implements QuarkusTestProfile {

    public static final String LOG_FILE = "target/quarkus-test.log";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("TEST_SCRIPTED_QUEUE", "test-scripted"),
                Map.entry("TEST_CRASH_QUEUE", "test-crash"),
                Map.entry("TEST_SLOW_QUEUE", "test-slow"),
                Map.entry("TEST_TICK_SCHEDULE", "*/1 * * * * *"),
                Map.entry("ORDER_POLL_SCHEDULE", "0 0 0 1 1 *"),
                Map.entry("ORDER_BATCH_SCHEDULE", "0 0 0 1 1 *"),
                Map.entry("ORDER_RECONCILE_SCHEDULE", "0 0 0 1 1 *"),
                // the intake tests read what the endpoints enqueue themselves; the slow-handler tests run
                // their own pumps on test-slow
                Map.entry("bridge.runtime.paused-queues", "bridge-order-intake,test-slow"),
                Map.entry("bridge.housekeeping.claim-check-retention", "PT2S"),
                Map.entry("bridge.housekeeping.state-retention", "PT2S"),
                Map.entry("quarkus.log.file.enabled", "true"),
                Map.entry("quarkus.log.file.path", LOG_FILE),
                Map.entry("quarkus.log.file.filter", "redact-secrets"),
                Map.entry("quarkus.log.file.format", "%d{HH:mm:ss.SSS} %-5p [%c{2.}] [%X{correlationId}] %s%e%n"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CommerceSandboxResource.class));
    }
}
