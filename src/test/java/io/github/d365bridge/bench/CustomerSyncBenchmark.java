package io.github.d365bridge.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.customers.sync.CustomerSyncFlow;
import io.github.d365bridge.flow.customers.sync.CustomerSyncWriter;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * {@code CustomerSyncBenchmark}: the customer sync against a D365 sandbox of {@code benchmark.customers}
 * (100,000) customers in two legal entities and a Commerce sandbox with a latency model (per call, per bulk
 * element, a cap of PHP workers), both in a JVM of their own so the heap measured here is the bridge's: the
 * engine, its clients, Azure Storage's SDK. Three runs in one JVM: the first full push, a run without changes,
 * and a run after 1 % of the customers changed in D365 (the sandbox says exactly which). The steps run as the
 * sync queue would deliver them, one consumer per legal entity.
 */
class CustomerSyncBenchmark {

    private static final Logger LOG = Logger.getLogger(CustomerSyncBenchmark.class);
    private static final int CUSTOMERS = BenchmarkReport.intProperty("benchmark.customers", 100_000);
    private static final int LATENCY_MS = BenchmarkReport.intProperty("benchmark.commerce-latency-ms", 20);
    private static final int PER_ITEM_MS = BenchmarkReport.intProperty("benchmark.commerce-per-item-ms", 1);
    private static final int WORKERS = BenchmarkReport.intProperty("benchmark.commerce-workers", 16);
    private static final int WRITE_CONCURRENCY = 8;
    /** 0 writes every customer by its own call; the default bulk threshold is 50 (see the README's Measured). */
    private static final int BULK_THRESHOLD = BenchmarkReport.intProperty("benchmark.bulk-threshold", 0);
    /** Customers per page step (the flow's {@code bridge.sync.customers.page-size}). */
    private static final int PAGE_SIZE = BenchmarkReport.intProperty("benchmark.page-size", 500);
    /** Names the report {@code customer-sync<suffix>.json}, so runs with other settings sit side by side. */
    private static final String REPORT_SUFFIX = System.getProperty("benchmark.report-suffix", "");
    private static final List<String> LEGAL_ENTITIES = List.of("usmf", "demf");

    private SyncEngine engine;
    private SyncBenchmarkHarness harness;

    @Test
    void customerSync() throws Exception {
        try (SyncBenchmarkHarness h = new SyncBenchmarkHarness(String.valueOf(CUSTOMERS / LEGAL_ENTITIES.size()),
                String.valueOf(LATENCY_MS), String.valueOf(PER_ITEM_MS), String.valueOf(WORKERS), "0")) {
            harness = h;
            run();
        }
    }

    private void run() throws Exception {
        StorageAccount storage = TestAzurite.storage();
        D365Client d365 = harness.d365(storage);
        CommerceClient commerce = harness.commerce(Duration.ofSeconds(2), Duration.ofSeconds(30));
        CustomerSyncFlow flow = new CustomerSyncFlow(() -> d365, () -> commerce, MappingProfileLoader.load(Optional.empty())
                .customerSync(), new CustomerCrossReference(storage, TestAzurite.uniqueName("BenchXref")), PAGE_SIZE,
                WRITE_CONCURRENCY, new CustomerSyncWriter.BulkOptions(BULK_THRESHOLD, 200, Duration.ofMinutes(5)));
        engine = new SyncEngine(new SyncStateStore(storage, TestAzurite.uniqueName("BenchState")),
                new SyncRunStore(storage, TestAzurite.uniqueName("BenchRuns")), harness.queue(() -> engine), List.of(flow),
                Duration.ofMinutes(10), Clock.systemUTC());
        harness.start(LEGAL_ENTITIES.size()); // one consumer per legal entity
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("customers", CUSTOMERS).put("legalEntities", LEGAL_ENTITIES.size())
                .put("commerceLatencyMs", LATENCY_MS).put("commercePerItemMs", PER_ITEM_MS)
                .put("commerceWorkers", WORKERS).put("writeConcurrency", WRITE_CONCURRENCY)
                .put("bulkThreshold", BULK_THRESHOLD).put("pageSize", PAGE_SIZE)
                .put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        // recorded after every run, so a run cut short still leaves the ones before it
        metrics.set("full", measure(0));
        record(metrics);
        metrics.set("noChange", measure(0));
        record(metrics);
        long modified = 0;
        for (String legalEntity : LEGAL_ENTITIES) {
            modified += harness.sandbox(harness.d365Url, "POST", "/_sandbox/customers/change", "{\"dataAreaId\":\""
                    + legalEntity + "\",\"percent\":1,\"seed\":7,\"aspects\":[\"NAME\",\"EMAIL\",\"ADDRESS\"]}")
                    .path("count").asLong();
        }
        metrics.set("onePercent", measure(modified));
        record(metrics);
        metrics.put("noChangeCommerceWriteCallsIsZero", metrics.at("/noChange/commerceWriteCalls").asLong() == 0);
        metrics.put("onePercentWritesExactlyTheChanged", metrics.at("/onePercent/written").asLong()
                + metrics.at("/onePercent/failed").asLong() == metrics.at("/onePercent/changed").asLong());
        metrics.put("heapWithin256Mb", harness.peakHeapMb() <= 256);
        record(metrics);
        LOG.infof("Customer sync benchmark: %s", metrics);
    }

    private void record(ObjectNode metrics) {
        metrics.put("peakHeapMb", harness.peakHeapMb());
        BenchmarkReport.record("customer-sync" + REPORT_SUFFIX, metrics);
    }

    private ObjectNode measure(long modified) throws Exception {
        SyncBenchmarkHarness.Measured m = harness.runOnce(engine, CustomerSyncFlow.NAME);
        SyncCounters c = m.counters();
        double seconds = m.seconds();
        long writes = m.commerce().writes();
        long reads = m.commerce().reads();
        long items = m.commerce().bulkItems();
        long d365Calls = m.d365Calls();
        ObjectNode run = Json.mapper().createObjectNode();
        run.put("records", c.read()).put("modified", modified).put("changed", c.added() + c.changed())
                .put("written", c.written()).put("adopted", c.adopted()).put("unchanged", c.unchanged())
                .put("skipped", c.skipped()).put("stillFailed", c.stillFailed())
                .put("commerceWriteCalls", writes).put("commerceCalls", writes + reads).put("commerceBulkItems", items)
                .put("d365Calls", d365Calls).put("seconds", seconds).put("failed", c.failed());
        // the floor: every Commerce call's modelled time, spread over the calls allowed at once
        int inFlight = Math.min(WORKERS, WRITE_CONCURRENCY * LEGAL_ENTITIES.size());
        double floor = ((writes + reads) * LATENCY_MS + items * PER_ITEM_MS) / 1000.0 / inFlight;
        run.put("floorSeconds", Math.round(floor * 10) / 10.0).put("allowedConcurrency", inFlight);
        ObjectNode reasons = run.putObject("failedReasons");
        c.reasons().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> reasons.put(e.getKey(), e.getValue()));
        LOG.infof("Customer sync run: %s", run);
        return run;
    }
}
