package io.github.d365bridge.bench;

import java.time.Duration;

import jakarta.inject.Inject;

import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.e2e.InjectD365Sandbox;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;

/**
 * What the batched and the naive order-flow benchmarks share: the running app's sandboxes and ledger,
 * and one run recorded under a scenario name. Each subclass is its own Quarkus test with its own
 * profile, since the two differ only in configuration.
 */
abstract class FlowBenchmark {

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @InjectD365Sandbox
    D365Sandbox d365;
    @Inject
    OrderLedger ledger;

    void runAndRecord(String scenario, int orders, int perSecond, Duration drainLimit) throws InterruptedException {
        BenchmarkReport.record(scenario, new FlowBenchmarkRun(commerce, d365, ledger).run(orders, perSecond, drainLimit));
    }
}
