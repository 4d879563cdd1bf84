package io.github.d365bridge.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.catalog.Product;
import io.github.d365bridge.client.commerce.price.TierPrice;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.catalog.CatalogSyncFlow;
import io.github.d365bridge.flow.catalog.PriceSyncFlow;
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
 * {@code CatalogSyncBenchmark}: the catalog sync against a D365 sandbox of {@code benchmark.skus} (10,000)
 * products released in usmf and demf, and a Commerce sandbox with three store views (one German), a latency
 * model per call and per bulk element, 16 PHP workers and one {@code async.operations.all} consumer whose cost
 * per operation grows with its bulk ({@code benchmark.consumer-pace-ms} × (1 + bulk size ÷
 * {@code benchmark.consumer-doubling-batch})). Three runs in one JVM: the full push, a run without changes,
 * a run after 1 % of the products were renamed in D365 (the sandbox says which); then the naive path on a
 * sample: one synchronous {@code PUT /V1/products/{sku}} per product and one per store view. Report
 * {@code target/benchmark/catalog-sync<suffix>.json}.
 */
class CatalogSyncBenchmark {

    private static final Logger LOG = Logger.getLogger(CatalogSyncBenchmark.class);
    // 43,500 items with every 5th a master of 4-9 variants (about 2.3 SKUs an item): about 100,000 SKUs
    private static final int PRODUCTS = BenchmarkReport.intProperty("benchmark.products", 43_500);
    private static final boolean VARIANTS = !"false".equals(System.getProperty("benchmark.variants"));
    private static final int LATENCY_MS = BenchmarkReport.intProperty("benchmark.commerce-latency-ms", 20);
    private static final int PER_ITEM_MS = BenchmarkReport.intProperty("benchmark.commerce-per-item-ms", 1);
    private static final int WORKERS = BenchmarkReport.intProperty("benchmark.commerce-workers", 16);
    private static final int PACE_MS = BenchmarkReport.intProperty("benchmark.consumer-pace-ms", 1);
    private static final int DOUBLING = BenchmarkReport.intProperty("benchmark.consumer-doubling-batch", 2000);
    private static final int PAGE_SIZE = BenchmarkReport.intProperty("benchmark.page-size", 1000);
    private static final int BULK_SIZE = BenchmarkReport.intProperty("benchmark.bulk-size", 2500);
    private static final int NAIVE_SAMPLE = BenchmarkReport.intProperty("benchmark.naive-sample", 200);
    private static final int PRICE_ROWS_PER_CALL = BenchmarkReport.intProperty("benchmark.price-rows-per-call", 4000);
    private static final String REPORT_SUFFIX = System.getProperty("benchmark.report-suffix", "");
    private static final List<String> STORE_VIEWS = List.of("default", "eu_en", "eu_de");

    private SyncEngine engine;
    private SyncBenchmarkHarness harness;

    @Test
    void catalogSync() throws Exception {
        try (SyncBenchmarkHarness h = new SyncBenchmarkHarness("1", String.valueOf(LATENCY_MS), String.valueOf(PER_ITEM_MS),
                String.valueOf(WORKERS), String.valueOf(PACE_MS), String.valueOf(PRODUCTS), String.valueOf(DOUBLING), "de",
                VARIANTS ? "variants" : "plain")) {
            harness = h;
            run();
        }
    }

    private void run() throws Exception {
        StorageAccount storage = TestAzurite.storage();
        D365Client d365 = harness.d365(storage);
        CommerceClient commerce = harness.commerce(Duration.ofMillis(200), Duration.ofSeconds(2));
        // the variant test's profile: relations as links, tier prices of price group 20, base prices per website
        MappingProfile profile = MappingProfileLoader.withOverride(io.github.d365bridge.flow.catalog.VariantSyncTest.PROFILE, "benchmark");
        CatalogSyncFlow flow = new CatalogSyncFlow(() -> d365, () -> commerce, profile, PAGE_SIZE, BULK_SIZE,
                Duration.ofMinutes(10), Clock.systemUTC());
        PriceSyncFlow prices = new PriceSyncFlow(() -> d365, () -> commerce, profile, PAGE_SIZE, PRICE_ROWS_PER_CALL,
                Clock.systemUTC());
        engine = new SyncEngine(new SyncStateStore(storage, TestAzurite.uniqueName("BenchState")),
                new SyncRunStore(storage, TestAzurite.uniqueName("BenchRuns")), harness.queue(() -> engine),
                List.of(flow, prices), Duration.ofMinutes(30), Clock.systemUTC());
        harness.start(1); // the catalog is one partition: one step at a time
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("products", PRODUCTS).put("variants", VARIANTS).put("legalEntities", 2).put("storeViews", STORE_VIEWS.size())
                .put("commerceLatencyMs", LATENCY_MS).put("commercePerItemMs", PER_ITEM_MS).put("commerceWorkers", WORKERS)
                .put("consumerPaceMs", PACE_MS).put("consumerDoublingBatch", DOUBLING)
                .put("pageSize", PAGE_SIZE).put("bulkSize", BULK_SIZE)
                .put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        metrics.set("full", measure(0));
        record(metrics);
        metrics.set("noChange", measure(0));
        record(metrics);
        long renamed = harness.sandbox(harness.d365Url, "POST", "/_sandbox/products/rename",
                "{\"percent\":1,\"seed\":7}").path("count").asLong();
        metrics.set("onePercent", measure(renamed));
        record(metrics);
        metrics.set("naive", naive(commerce));
        double perThousand = metrics.at("/full/commerceWriteCalls").asDouble() * 1000.0 / metrics.at("/full/skus").asLong();
        metrics.put("fullWriteCallsPer1000Skus", Math.round(perThousand * 100) / 100.0);
        metrics.put("fullWithin5WriteCallsPer1000Skus", perThousand <= 5);
        metrics.put("noChangeCommerceWriteCallsIsZero", metrics.at("/noChange/commerceWriteCalls").asLong() == 0);
        metrics.put("onePercentWritesExactlyTheChanged", metrics.at("/onePercent/changed").asLong() == renamed
                && metrics.at("/onePercent/written").asLong() == renamed);
        metrics.put("heapWithin256Mb", harness.peakHeapMb() <= 256);
        record(metrics);
        LOG.infof("Catalog sync benchmark: %s", metrics);
    }

    private void record(ObjectNode metrics) {
        metrics.put("peakHeapMb", harness.peakHeapMb());
        BenchmarkReport.record("catalog-sync" + REPORT_SUFFIX, metrics);
    }

    /**
     * One catalog run, then one price run: the run's figures are their sums (so {@code written} counts the
     * catalog's records and the prices' SKUs), with each flow's own under {@code catalog} and {@code prices}.
     */
    private ObjectNode measure(long modified) throws Exception {
        ObjectNode catalog = measure(CatalogSyncFlow.NAME, modified);
        ObjectNode prices = measure(PriceSyncFlow.NAME, 0);
        ObjectNode run = Json.mapper().createObjectNode();
        // skus: the catalog's records read, one per released item and one per variant
        run.put("skus", catalog.path("read").asLong()).put("modified", modified);
        for (String sum : List.of("changed", "written", "adopted", "unchanged", "commerceWriteCalls", "commerceCalls",
                "commerceBulkItems", "d365Calls", "seconds", "failed", "floorSeconds")) {
            double total = catalog.path(sum).asDouble() + prices.path(sum).asDouble();
            if (sum.equals("seconds") || sum.equals("floorSeconds")) {
                run.put(sum, Math.round(total * 10) / 10.0);
            } else {
                run.put(sum, (long) total);
            }
        }
        run.set("catalog", catalog);
        run.set("prices", prices);
        return run;
    }

    private ObjectNode measure(String flowName, long modified) throws Exception {
        SyncBenchmarkHarness.Measured m = harness.runOnce(engine, flowName);
        SyncCounters c = m.counters();
        long writes = m.commerce().writes();
        long reads = m.commerce().reads();
        long items = m.commerce().bulkItems();
        ObjectNode run = Json.mapper().createObjectNode();
        // changed and written count records (a product, its websites, one per store view, its children, its
        // links; a SKU's tier prices, its base prices), which on the 1 % run are the renamed products' alone
        run.put("read", c.read()).put("modified", modified).put("changed", c.added() + c.changed())
                .put("written", c.written()).put("adopted", c.adopted()).put("unchanged", c.unchanged())
                .put("commerceWriteCalls", writes).put("commerceCalls", writes + reads).put("commerceBulkItems", items)
                .put("d365Calls", m.d365Calls()).put("seconds", m.seconds())
                .put("failed", c.failed());
        // the floor: the calls' modelled time over the PHP workers, and the single consumer working every bulk item
        // (the catalog's; prices are synchronous calls, whose items no consumer works)
        double calls = ((writes + reads) * LATENCY_MS + items * PER_ITEM_MS) / 1000.0 / WORKERS;
        double consumer = !flowName.equals(CatalogSyncFlow.NAME) ? 0
                : items * PACE_MS * (1 + (double) Math.min(BULK_SIZE, PAGE_SIZE) / DOUBLING) / 1000.0;
        run.put("floorSeconds", Math.round(Math.max(calls, consumer) * 10) / 10.0);
        ObjectNode reasons = run.putObject("failedReasons");
        c.reasons().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> reasons.put(e.getKey(), e.getValue()));
        LOG.infof("%s run: %s", flowName, run);
        return run;
    }

    /**
     * The naive path on a sample: one synchronous save per product and per store view and one tier-price call
     * per SKU, no bulks.
     */
    private ObjectNode naive(CommerceClient commerce) throws Exception {
        harness.resetCounters();
        long start = System.nanoTime();
        for (int i = 1; i <= NAIVE_SAMPLE; i++) {
            String sku = String.format("P%06d", i);
            Product product = Product.simple(sku, "Naive " + sku, BigDecimal.TEN, Product.STATUS_ENABLED, 4);
            commerce.products().save(product);
            for (String store : STORE_VIEWS) {
                commerce.products().saveIn(store, new Product(null, sku, "Naive " + sku + " " + store, null, null,
                        Product.STATUS_ENABLED, null, null, null, null, null, null, null, null));
            }
            // and its tier prices, one call per SKU
            commerce.prices().replaceTierPrices(List.of(new TierPrice(BigDecimal.ONE, TierPrice.FIXED, 1, sku,
                    TierPrice.ALL_GROUPS, BigDecimal.TEN)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long writes = harness.sandbox(harness.commerceUrl, "GET", "/_sandbox/stats", null).at("/totals/writes").asLong();
        ObjectNode naive = Json.mapper().createObjectNode().put("sample", NAIVE_SAMPLE)
                .put("writeCallsPer1000Skus", writes * 1000 / NAIVE_SAMPLE)
                .put("secondsPer1000Skus", Math.round(seconds * 1000 / NAIVE_SAMPLE * 10) / 10.0);
        LOG.infof("Naive catalog path: %s", naive);
        return naive;
    }
}
