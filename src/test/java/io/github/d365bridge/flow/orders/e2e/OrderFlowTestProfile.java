package io.github.d365bridge.flow.orders.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.testing.BridgeTestProfile;

/**
 * The shared test profile with the order flow running for real: the intake queue pumped, the batch timer
 * every second, quick DMF checks, a D365 sandbox besides the Commerce one, and registered customers booked
 * on the guest account (the test's cross-reference has no entries).
 */
public class OrderFlowTestProfile extends BridgeTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.remove("bridge.runtime.paused-queues");
        config.put("ORDER_BATCH_SCHEDULE", "*/1 * * * * *");
        config.put("bridge.orders.batch-max-age", "PT1S");
        config.put("bridge.orders.batch-max-size", "10");
        config.put("bridge.dmf.first-check-delay", "PT1S");
        config.put("bridge.dmf.max-check-delay", "PT2S");
        config.put("bridge.dmf.job-timeout", "PT15S");
        config.put("bridge.dmf.not-found-grace", "PT10S");
        config.put("ORDER_RECONCILE_SCHEDULE", "*/2 * * * * *");
        config.put("bridge.orders.reconcile-after", "PT30S");
        config.put("bridge.runtime.queues.processing-timeout", "PT10S");
        config.put("bridge.mapping.profile", profileOverride().toString());
        config.put("quarkus.log.file.path", "target/quarkus-order-flow-test.log");
        return config;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>(super.testResources());
        resources.add(new TestResourceEntry(D365SandboxResource.class));
        return resources;
    }

    private static Path profileOverride() {
        try {
            Path file = Path.of("target/e2e-mapping-profile.yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "customers:\n  unresolvedCustomer: guest-account\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
