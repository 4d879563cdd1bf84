package io.github.d365bridge.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The naive baseline, one DMF package per order, on the same latency model and at the same placement
 * rate as {@link OrderFlowBenchmark} but with fewer orders ({@code -Dbenchmark.naive-orders}, default
 * 12): one import at a time per legal entity makes it slow, which is the point.
 */
@QuarkusTest
@TestProfile(NaiveFlowBenchmarkProfile.class)
class NaiveOrderFlowBenchmark extends FlowBenchmark {

    @Test
    void onePackagePerOrder() throws InterruptedException {
        int orders = BenchmarkReport.intProperty("benchmark.naive-orders", 12);
        int rate = BenchmarkReport.intProperty("benchmark.rate", 10);
        runAndRecord("order-flow-naive", orders, rate, Duration.ofSeconds(orders * 60L + 120));
    }
}
