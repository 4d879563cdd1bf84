package io.github.d365bridge.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The batched order flow at a steady placement rate ({@code -Dbenchmark.orders}, default 900, at
 * {@code -Dbenchmark.rate} orders/s, default 10). Run with {@code ./mvnw test -Pbenchmark}; the numbers
 * land in {@code target/benchmark/report.md} next to the naive baseline of the same run.
 */
@QuarkusTest
@TestProfile(FlowBenchmarkProfile.class)
class OrderFlowBenchmark extends FlowBenchmark {

    @Test
    void batchedFlowAtASteadyRate() throws InterruptedException {
        int orders = BenchmarkReport.intProperty("benchmark.orders", 900);
        int rate = BenchmarkReport.intProperty("benchmark.rate", 10);
        runAndRecord("order-flow-batched", orders, rate, Duration.ofSeconds(orders / rate + 300));
    }
}
