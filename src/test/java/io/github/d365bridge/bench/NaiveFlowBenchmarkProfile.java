package io.github.d365bridge.bench;

import java.util.Map;

/**
 * The naive baseline: the same flow with one DMF package per order, started as soon as it is mapped,
 * which is what a hand-built script that imports each order on its own amounts to.
 */
public class NaiveFlowBenchmarkProfile extends FlowBenchmarkProfile {

    @Override
    protected Map<String, String> overrides() {
        return Map.of("bridge.orders.batch-max-size", "1", "bridge.orders.batch-max-age", "PT0S");
    }
}
