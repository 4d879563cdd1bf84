package io.github.d365bridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.flow.orders.intake.CommerceSandboxResource;

/**
 * The shipped order flow and latency model of {@link FlowBenchmarkProfile}, with a Commerce sandbox that
 * sends {@code -Dbenchmark.capacity-delivery-concurrency} (16) webhooks at once: one delivery thread
 * tops out at 25-33 orders/s through the intake, about the DMF ceiling of two companies, so it would
 * measure the load generator instead of the bridge.
 */
public class CapacityBenchmarkProfile extends FlowBenchmarkProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        String concurrency = String.valueOf(BenchmarkReport.intProperty("benchmark.capacity-delivery-concurrency", 16));
        List<TestResourceEntry> resources = new ArrayList<>();
        for (TestResourceEntry entry : super.testResources()) {
            resources.add(entry.getClazz() == CommerceSandboxResource.class
                    ? new TestResourceEntry(CommerceSandboxResource.class,
                            Map.of(CommerceSandboxResource.DELIVERY_CONCURRENCY, concurrency))
                    : entry);
        }
        return resources;
    }
}
