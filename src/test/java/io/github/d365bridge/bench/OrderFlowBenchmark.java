package io.github.d365bridge.bench;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.e2e.InjectD365Sandbox;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The batched order flow at a steady placement rate ({@code -Dbenchmark.orders}, default 900, at
 * {@code -Dbenchmark.rate} orders/s, default 10). Run with {@code ./mvnw test -Pbenchmark}; the numbers
 * land in {@code target/benchmark/report.md} next to the naive baseline of the same run.
 */
@QuarkusTest
@TestProfile(FlowBenchmarkProfile.class)
class OrderFlowBenchmark {

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @InjectD365Sandbox
    D365Sandbox d365;
    @Inject
    OrderLedger ledger;

    @Test
    void batchedFlowAtASteadyRate() throws InterruptedException {
        int orders = BenchmarkReport.intProperty("benchmark.orders", 900);
        int rate = BenchmarkReport.intProperty("benchmark.rate", 10);
        BenchmarkReport.record("order-flow-batched", new FlowBenchmarkRun(commerce, d365, ledger)
                .run(orders, rate, Duration.ofSeconds(orders / rate + 300)));
    }
}
