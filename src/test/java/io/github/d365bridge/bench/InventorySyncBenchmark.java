package io.github.d365bridge.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.inventory.InventorySyncFlow;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * {@code InventorySyncBenchmark}: the inventory sync (OData source) against a D365 sandbox whose usmf holds about
 * {@code benchmark.products} (11,900) items with the realistic share of colour × size masters in
 * {@code benchmark.warehouses} (4) warehouses, about 100,000 on-hand rows, and a Commerce sandbox that sells every
 * SKU, has a source per warehouse and saves source items at {@code benchmark.commerce-latency-ms} (20) per call
 * plus {@code benchmark.commerce-per-item-ms} (1) per item growing with the call ({@code × (1 + items ÷
 * benchmark.source-items-doubling)}, 100): superlinear, as in the field. One JVM: the full push, a run without
 * changes, a run after the sandbox received one unit on exactly 1 % of the rows; then the chunk size against two
 * others, each writing the rows of a further {@code benchmark.chunk-sample-percent} (20) % change. Report
 * {@code target/benchmark/inventory-sync<suffix>.json}.
 */
class InventorySyncBenchmark {

    private static final Logger LOG = Logger.getLogger(InventorySyncBenchmark.class);
    private static final int PRODUCTS = BenchmarkReport.intProperty("benchmark.products", 11_900);
    private static final int WAREHOUSES = BenchmarkReport.intProperty("benchmark.warehouses", 4);
    private static final int LATENCY_MS = BenchmarkReport.intProperty("benchmark.commerce-latency-ms", 20);
    private static final int PER_ITEM_MS = BenchmarkReport.intProperty("benchmark.commerce-per-item-ms", 1);
    private static final int DOUBLING = BenchmarkReport.intProperty("benchmark.source-items-doubling", 100);
    private static final int WORKERS = BenchmarkReport.intProperty("benchmark.commerce-workers", 16);
    private static final int PAGE_SIZE = BenchmarkReport.intProperty("benchmark.page-size", 1000);
    private static final int CHUNK = BenchmarkReport.intProperty("benchmark.chunk-size", 20);
    private static final List<Integer> OTHER_CHUNKS = List.of(5, 100);
    private static final int SAMPLE_PERCENT = BenchmarkReport.intProperty("benchmark.chunk-sample-percent", 20);
    private static final String REPORT_SUFFIX = System.getProperty("benchmark.report-suffix", "");

    private volatile SyncEngine engine;
    private SyncBenchmarkHarness harness;
    private SyncStateStore state;
    private SyncRunStore runs;
    private D365Client d365;
    private CommerceClient commerce;
    private MappingProfile profile;

    @Test
    void inventorySync() throws Exception {
        // host args: customers, latency, per item, workers, pace, products, doubling (bulk), store views, variants,
        // warehouses, stock, source-items doubling
        try (SyncBenchmarkHarness h = new SyncBenchmarkHarness("1", String.valueOf(LATENCY_MS), String.valueOf(PER_ITEM_MS),
                String.valueOf(WORKERS), "0", String.valueOf(PRODUCTS), "0", "plain", "variants",
                String.valueOf(WAREHOUSES), "stock", String.valueOf(DOUBLING))) {
            harness = h;
            run();
        }
    }

    private void run() throws Exception {
        StorageAccount storage = TestAzurite.storage();
        d365 = harness.d365(storage);
        commerce = harness.commerce(Duration.ofMillis(200), Duration.ofSeconds(2));
        StringBuilder sources = new StringBuilder();
        for (int w = 0; w < WAREHOUSES; w++) {
            String site = Integer.toString(w / 2 + 1);
            String warehouse = site + (w % 2 + 1);
            sources.append(w == 0 ? "" : ", ").append("usmf/").append(site).append('/').append(warehouse)
                    .append(": src-").append(warehouse);
        }
        profile = MappingProfileLoader.withOverride("""
                inventorySync:
                  legalEntities: [usmf]
                  sources: {%s}
                """.formatted(sources), "benchmark");
        state = new SyncStateStore(storage, TestAzurite.uniqueName("BenchState"));
        runs = new SyncRunStore(storage, TestAzurite.uniqueName("BenchRuns"));
        engine = engine(CHUNK);
        harness.start(1); // one legal entity: one step at a time
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("products", PRODUCTS).put("warehouses", WAREHOUSES).put("commerceLatencyMs", LATENCY_MS)
                .put("commercePerItemMs", PER_ITEM_MS).put("sourceItemsDoublingItems", DOUBLING)
                .put("commerceWorkers", WORKERS).put("pageSize", PAGE_SIZE).put("chunkSize", CHUNK)
                .put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        metrics.set("full", measure(0, CHUNK));
        record(metrics);
        metrics.set("noChange", measure(0, CHUNK));
        record(metrics);
        metrics.set("onePercent", measure(receive(1, 7), CHUNK));
        record(metrics);
        ObjectNode chunks = metrics.putObject("chunkSizes");
        long seed = 100;
        for (int chunk : List.of(CHUNK, OTHER_CHUNKS.get(0), OTHER_CHUNKS.get(1))) {
            engine = engine(chunk);
            chunks.set(String.valueOf(chunk), measure(receive(SAMPLE_PERCENT, seed++), chunk));
            record(metrics);
        }
        metrics.put("noChangeCommerceWriteCallsIsZero", metrics.at("/noChange/commerceWriteCalls").asLong() == 0);
        long modified = metrics.at("/onePercent/modified").asLong();
        metrics.put("onePercentWritesExactlyTheChanged", metrics.at("/onePercent/changed").asLong() == modified
                && metrics.at("/onePercent/written").asLong() == modified);
        metrics.put("heapWithin256Mb", harness.peakHeapMb() <= 256);
        record(metrics);
        LOG.infof("Inventory sync benchmark: %s", metrics);
    }

    private SyncEngine engine(int chunk) {
        return new SyncEngine(state, runs, harness.queue(() -> engine), List.of(new InventorySyncFlow(() -> d365,
                () -> commerce, profile, PAGE_SIZE, chunk)), Duration.ofMinutes(30), Clock.systemUTC());
    }

    /** One more unit on {@code percent} % of usmf's rows, in the sandbox; answers how many rows moved. */
    private long receive(int percent, long seed) throws Exception {
        return harness.sandbox(harness.d365Url, "POST", "/_sandbox/onhand/receive",
                "{\"legalEntity\":\"usmf\",\"percent\":" + percent + ",\"seed\":" + seed + "}").path("count").asLong();
    }

    private void record(ObjectNode metrics) {
        metrics.put("peakHeapMb", harness.peakHeapMb());
        BenchmarkReport.record("inventory-sync" + REPORT_SUFFIX, metrics);
    }

    private ObjectNode measure(long modified, int chunk) throws Exception {
        SyncBenchmarkHarness.Measured m = harness.runOnce(engine, InventorySyncFlow.NAME);
        SyncCounters c = m.counters();
        long writes = m.commerce().writes();
        long reads = m.commerce().reads();
        long items = m.commerce().bulkItems();
        ObjectNode run = Json.mapper().createObjectNode();
        run.put("rows", c.read()).put("modified", modified).put("changed", c.added() + c.changed())
                .put("written", c.written()).put("unchanged", c.unchanged()).put("skipped", c.skipped())
                .put("commerceWriteCalls", writes).put("commerceCalls", writes + reads).put("d365Calls", m.d365Calls())
                .put("seconds", m.seconds()).put("failed", c.failed()).put("chunkSize", chunk)
                .put("sourceItems", items);
        // the floor: every source-item call's modelled time at the run's mean call size, one call at a time (a
        // page's chunks are sent in turn); a page's last chunk is short, so the mean is below the chunk size
        double mean = writes == 0 ? 0 : (double) items / writes;
        double perCall = LATENCY_MS + PER_ITEM_MS * mean * (1 + mean / DOUBLING);
        run.put("floorSeconds", Math.round(writes * perCall / 100.0) / 10.0);
        run.put("writeCallsPer1000Rows", c.written() == 0 ? 0 : Math.round(writes * 1000.0 / c.written() * 10) / 10.0);
        run.put("secondsPer1000Rows", c.written() == 0 ? 0 : Math.round(m.seconds() * 1000.0 / c.written() * 10) / 10.0);
        ObjectNode reasons = run.putObject("failedReasons");
        c.reasons().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> reasons.put(e.getKey(), e.getValue()));
        LOG.infof("Inventory sync run: %s", run);
        return run;
    }
}
