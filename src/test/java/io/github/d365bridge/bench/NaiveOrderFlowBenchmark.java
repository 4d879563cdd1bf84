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
 * The naive baseline, one DMF package per order, on the same latency model and at the same placement
 * rate as {@link OrderFlowBenchmark} but with fewer orders ({@code -Dbenchmark.naive-orders}, default
 * 12): one import at a time per legal entity makes it slow, which is the point.
 */
@QuarkusTest
@TestProfile(NaiveFlowBenchmarkProfile.class)
class NaiveOrderFlowBenchmark {

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @InjectD365Sandbox
    D365Sandbox d365;
    @Inject
    OrderLedger ledger;

    @Test
    void onePackagePerOrder() throws InterruptedException {
        int orders = BenchmarkReport.intProperty("benchmark.naive-orders", 12);
        int rate = BenchmarkReport.intProperty("benchmark.rate", 10);
        BenchmarkReport.record("order-flow-naive", new FlowBenchmarkRun(commerce, d365, ledger)
                .run(orders, rate, Duration.ofSeconds(orders * 60L + 120)));
    }
}
