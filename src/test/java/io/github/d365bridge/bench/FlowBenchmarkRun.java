package io.github.d365bridge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.ground.Json;

/**
 * One order-flow scenario in the running app: the Commerce sandbox places orders at a steady rate and
 * delivers each as a signed webhook; the bridge takes them through the ledger, mapping, DMF imports into
 * the D365 sandbox (latency model from the profile) and the write-back. Placement times are taken here,
 * write-back times from the ledger; API calls are counted by the sandboxes, i.e. as the remote systems
 * saw them. The run also checks the outcome ({@link FlowOutcome}), so a fast but wrong flow cannot
 * produce a report.
 */
final class FlowBenchmarkRun {

    private static final Logger LOG = Logger.getLogger(FlowBenchmarkRun.class);

    private final CommerceSandbox commerce;
    private final D365Sandbox d365;
    private final OrderLedger ledger;

    FlowBenchmarkRun(CommerceSandbox commerce, D365Sandbox d365, OrderLedger ledger) {
        this.commerce = commerce;
        this.d365 = d365;
        this.ledger = ledger;
    }

    ObjectNode run(int orders, double perSecond, Duration drainLimit) throws InterruptedException {
        SandboxAlignment.lineUp(commerce, d365);
        commerce.calls().reset();
        d365.calls().reset();
        try (HeapSampler heap = new HeapSampler()) {
            OrderPlacer.Placed placed = OrderPlacer.place(commerce, orders, perSecond);
            Map<OrderKey, LedgerEntry> done = FlowOutcome.awaitFinished(ledger, placed.placedAt().keySet(), drainLimit);
            Instant lastWriteBack = done.values().stream().map(LedgerEntry::updatedAt).max(Instant::compareTo)
                    .orElse(placed.end());
            return metrics(orders, perSecond, placed.start(), placed.end(), lastWriteBack, placed.placedAt(),
                    placed.commerceIds(), done, heap.peakMegabytes());
        }
    }

    private ObjectNode metrics(int orders, double perSecond, Instant start, Instant placedEnd, Instant lastWriteBack,
            Map<OrderKey, Instant> placedAt, Map<OrderKey, Integer> commerceIds, Map<OrderKey, LedgerEntry> done,
            long peakHeapMb) {
        double[] latencies = new double[done.size()];
        int i = 0;
        int failed = 0;
        Set<String> executions = new HashSet<>();
        int writtenBack = 0;
        for (Map.Entry<OrderKey, LedgerEntry> e : done.entrySet()) {
            LedgerEntry entry = e.getValue();
            if (entry.state() == OrderState.FAILED) {
                failed++;
                LOG.warnf("Benchmark order %s failed: %s", e.getKey(), entry.lastError());
                continue;
            }
            writtenBack++;
            latencies[i++] = Duration.between(placedAt.get(e.getKey()), entry.updatedAt()).toMillis() / 1000.0;
            if (entry.executionId() != null) {
                executions.add(entry.executionId());
            }
        }
        double[] measured = java.util.Arrays.copyOf(latencies, i);
        // The outcome first: a benchmark of a flow that loses or doubles orders would be meaningless.
        FlowOutcome.Counts rows = FlowOutcome.verify(d365, commerce, commerceIds, done, failed);
        long headers = rows.headers();
        long lines = rows.lines();
        Map<String, Long> commerceCalls = commerce.calls().snapshot();
        Map<String, Long> d365Calls = d365.calls().snapshot();
        long imports = d365Calls.entrySet().stream().filter(c -> c.getKey().endsWith("ImportFromPackage"))
                .mapToLong(Map.Entry::getValue).sum();
        double jobs = Math.max(1, executions.size());
        double rowsPerJob = (headers + lines) / jobs;
        double modelJobSeconds = d365.options().dmfFixedLatency().toMillis() / 1000.0
                + rowsPerJob * d365.options().dmfPerRowLatency().toNanos() / 1e9;
        double seconds = Duration.between(start, lastWriteBack).toMillis() / 1000.0;

        ObjectNode m = Json.mapper().createObjectNode();
        m.put("orders", orders).put("offeredPerSecond", perSecond)
                .put("placementSeconds", Duration.between(start, placedEnd).toMillis() / 1000.0)
                .put("writtenBack", writtenBack).put("failed", failed)
                .put("firstPlacementToLastWriteBackSeconds", seconds)
                .put("throughputPerSecond", r2(writtenBack / seconds))
                .put("dmfJobs", executions.size()).put("importCalls", imports)
                .put("ordersPerDmfJob", Latencies.round(writtenBack / jobs))
                .put("linesPerOrder", Latencies.round((double) lines / headers))
                .put("modelJobSeconds", Latencies.round(modelJobSeconds))
                .put("dmfLatencyModel", d365.options().dmfFixedLatency() + " per job + "
                        + d365.options().dmfPerRowLatency() + " per row");
        m.putPOJO("placementToWriteBackSeconds", new Latencies(measured).summary());
        m.put("commerceCallsPerOrder", r2(commerce.calls().total() / (double) orders))
                .put("d365CallsPerOrder", r2(d365.calls().total() / (double) orders))
                .put("peakHeapMb", peakHeapMb);
        m.putPOJO("commerceCalls", commerceCalls);
        m.putPOJO("d365Calls", d365Calls);
        return m;
    }

    private static double r2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
