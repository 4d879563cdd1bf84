package io.github.d365bridge.bench;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The order flow's capacity: a burst of {@code -Dbenchmark.capacity-orders} (2,800) orders placed at
 * {@code -Dbenchmark.capacity-rate} (200) per second, far above what two companies' DMF imports take, so
 * full batches always wait and the steady-state rate shows what the bridge adds between two imports.
 * Reported against the DMF-bound ceiling ({@link CapacityMetrics}); the report says, it does not assert.
 */
@QuarkusTest
@TestProfile(CapacityBenchmarkProfile.class)
class OrderFlowCapacityBenchmark extends FlowBenchmark {

    @Inject
    DmfJobSupervisor supervisor;
    @Inject
    OrderFlowConfig config;

    @Test
    void aBurstFarAboveTheDmfCeiling() throws InterruptedException {
        int orders = BenchmarkReport.intProperty("benchmark.capacity-orders", 2800);
        int rate = BenchmarkReport.intProperty("benchmark.capacity-rate", 200);
        BenchmarkReport.record("order-flow-capacity", new CapacityRun(commerce, d365, ledger, supervisor,
                config.batchMaxSize()).run(orders, rate, Duration.ofMinutes(5)));
    }
}
