package io.github.d365bridge.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.flow.orders.e2e.D365SandboxResource;
import io.github.d365bridge.flow.orders.e2e.OrderFlowTestProfile;

/**
 * The order flow as shipped: the application's own batching and DMF supervision defaults (the test
 * profile's quick settings removed), webhooks delivering every order, and a D365 sandbox whose DMF jobs
 * take 15 s plus 1 ms per package row — the realistic latency model the targets are stated against.
 */
public class FlowBenchmarkProfile extends OrderFlowTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        // the reconciler's too: at the test's 30 s it gave up batches a loaded machine took longer to package, and
        // a batch packaged ahead is kept for half of it
        for (String quick : List.of("ORDER_BATCH_SCHEDULE", "bridge.orders.batch-max-age", "bridge.orders.batch-max-size",
                "bridge.dmf.first-check-delay", "bridge.dmf.max-check-delay",
                "bridge.dmf.job-timeout", "bridge.dmf.not-found-grace", "ORDER_RECONCILE_SCHEDULE",
                "bridge.orders.reconcile-after", "bridge.runtime.queues.processing-timeout")) {
            config.remove(quick);
        }
        // the runtime's production queue settings, not the quick test ones
        config.put("bridge.runtime.queues.visibility-timeout", "PT10S");
        config.put("bridge.runtime.queues.max-polling-interval", "PT2S");
        config.put("bridge.runtime.queues.processing-timeout", "PT5M");
        // per-order INFO lines would measure the log file more than the flow
        config.put("quarkus.log.category.\"io.github.d365bridge\".level", "WARN");
        config.put("quarkus.log.category.\"io.github.d365bridge.flow.dmf\".level", "INFO");
        config.put("quarkus.log.category.\"io.github.d365bridge.flow.orders.batch\".level", "INFO");
        config.put("quarkus.log.category.\"io.github.d365bridge.bench\".level", "INFO");
        config.put("quarkus.log.file.path", "target/quarkus-benchmark.log");
        config.putAll(overrides());
        return config;
    }

    /** What a variant changes on top of the shipped defaults. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        List<TestResourceEntry> resources = new ArrayList<>();
        for (TestResourceEntry entry : super.testResources()) {
            if (entry.getClazz() != D365SandboxResource.class) {
                resources.add(entry);
            }
        }
        resources.add(new TestResourceEntry(D365SandboxResource.class, Map.of(
                D365SandboxResource.DMF_JOB_LATENCY, "PT15S", D365SandboxResource.DMF_ROW_LATENCY, "PT0.001S")));
        return resources;
    }
}
