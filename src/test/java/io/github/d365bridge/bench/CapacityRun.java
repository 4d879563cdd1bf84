package io.github.d365bridge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.dmf.DmfJobs;

/**
 * The capacity scenario: a burst of orders far above what the DMF imports can take, so the bridge always
 * has full batches waiting, and the rate then is set by the imports and by what the bridge adds between
 * two of them. Its numbers come from the DMF jobs ({@link CapacityMetrics}): D365's job history for
 * when jobs were created and ended, the bridge's job records for when it noticed an end and recorded the
 * next job. The outcome is checked as in every flow benchmark ({@link FlowOutcome}).
 */
final class CapacityRun {

    private static final Logger LOG = Logger.getLogger(CapacityRun.class);

    private final CommerceSandbox commerce;
    private final D365Sandbox d365;
    private final OrderLedger ledger;
    private final DmfJobSupervisor supervisor;
    private final int batchSize;

    CapacityRun(CommerceSandbox commerce, D365Sandbox d365, OrderLedger ledger, DmfJobSupervisor supervisor,
            int batchSize) {
        this.commerce = commerce;
        this.d365 = d365;
        this.ledger = ledger;
        this.supervisor = supervisor;
        this.batchSize = batchSize;
    }

    ObjectNode run(int orders, double perSecond, Duration drainLimit) throws InterruptedException {
        SandboxAlignment.lineUp(commerce, d365);
        commerce.calls().reset();
        d365.calls().reset();
        MachineLoad load = new MachineLoad();
        try (HeapSampler heap = new HeapSampler()) {
            OrderPlacer.Placed placed = OrderPlacer.place(commerce, orders, perSecond);
            Instant delivered = awaitDelivered();
            Map<OrderKey, LedgerEntry> done = FlowOutcome.awaitFinished(ledger, placed.placedAt().keySet(), drainLimit);
            long failed = done.values().stream().filter(e -> e.state() == io.github.d365bridge.flow.orders.OrderState.FAILED)
                    .count();
            FlowOutcome.Counts rows = FlowOutcome.verify(d365, commerce, placed.commerceIds(), done, (int) failed);
            DmfJobs history = d365.dmfJobs().orElseThrow();
            List<ImportCycle> cycles = cycles(history, placed.start(), done);
            CapacityMetrics capacity = new CapacityMetrics(cycles, batchSize, history::modelledImport);

            ObjectNode m = capacity.toJson();
            m.put("orders", orders).put("offeredPerSecond", perSecond)
                    .put("placementSeconds", seconds(placed.start(), placed.end()))
                    .put("deliveredPerSecond", round(orders / seconds(placed.start(), delivered)))
                    .put("deliveryConcurrency", commerce.options().deliveryConcurrency())
                    .put("linesPerOrder", round((double) rows.lines() / rows.headers()))
                    .put("dmfLatencyModel", d365.options().dmfFixedLatency() + " per job + "
                            + d365.options().dmfPerRowLatency() + " per row")
                    .put("failedDmfJobs", history.all().stream().filter(j -> j.status().equals("Failed")).count())
                    .put("d365CallsPerOrder", round(d365.calls().total() / (double) orders))
                    .put("peakHeapMb", heap.peakMegabytes())
                    .put("machine", load.summary());
            m.set("timeline", timeline(cycles, placed.start()));
            return m;
        }
    }

    /** When the sandbox had sent every webhook: the offered load really reached the bridge by then. */
    private Instant awaitDelivered() throws InterruptedException {
        while (commerce.orders().pendingDeliveries() > 0) {
            Thread.sleep(50);
        }
        return Instant.now();
    }

    /** The run's order imports, each with the bridge's record of it and the orders it imported. */
    private List<ImportCycle> cycles(DmfJobs history, Instant start, Map<OrderKey, LedgerEntry> done) {
        Map<String, Long> ordersByExecution = done.values().stream().filter(e -> e.executionId() != null)
                .collect(Collectors.groupingBy(LedgerEntry::executionId, Collectors.counting()));
        List<ImportCycle> cycles = new ArrayList<>();
        for (var job : history.all()) {
            if (job.kind() != io.github.d365bridge.sandbox.d365.dmf.DmfJob.Kind.IMPORT || job.createdAt().isBefore(start)
                    || job.endedAt() == null) {
                continue;
            }
            DmfJob record = supervisor.job(job.legalEntity(), job.executionId())
                    .or(() -> supervisor.job(job.legalEntity().toLowerCase(java.util.Locale.ROOT), job.executionId()))
                    .orElse(null);
            if (record == null || record.checkedAt() == null) {
                LOG.warnf("Benchmark: DMF job %s has no bridge record with a final check; left out", job.executionId());
                continue;
            }
            cycles.add(new ImportCycle(record.legalEntity(), job.executionId(),
                    ordersByExecution.getOrDefault(job.executionId(), 0L).intValue(), job.rows(), record.startedAt(),
                    job.createdAt(), job.endedAt(), record.checkedAt()));
        }
        return cycles;
    }

    private static ArrayNode timeline(List<ImportCycle> cycles, Instant start) {
        ArrayNode out = io.github.d365bridge.ground.Json.mapper().createArrayNode();
        Function<Instant, Double> at = t -> round(seconds(start, t));
        cycles.stream().sorted(java.util.Comparator.comparing(ImportCycle::submittedAt)).forEach(c -> out.addObject()
                .put("company", c.company()).put("orders", c.orders()).put("rows", c.rows())
                .put("recorded", at.apply(c.recordedAt())).put("submitted", at.apply(c.submittedAt()))
                .put("ended", at.apply(c.endedAt())).put("noticed", at.apply(c.noticedAt())));
        return out;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
