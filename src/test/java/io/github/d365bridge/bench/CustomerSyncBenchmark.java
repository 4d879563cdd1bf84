package io.github.d365bridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.customers.sync.CustomerSyncFlow;
import io.github.d365bridge.flow.customers.sync.CustomerSyncWriter;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.flow.sync.SyncSteps;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
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
    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final String SANDBOX_KEY = "sandbox-control-key";

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private SyncEngine engine;
    private URI d365Url;
    private URI commerceUrl;

    @Test
    void customerSync() throws Exception {
        SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit").trustStore(); // made before the host reads it
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g",
                "-cp", System.getProperty("java.class.path"), SandboxHost.class.getName(),
                String.valueOf(CUSTOMERS / LEGAL_ENTITIES.size()), String.valueOf(LATENCY_MS), String.valueOf(PER_ITEM_MS),
                String.valueOf(WORKERS), "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
                LOG.debug(line);
            }
            assertThat(line).as("sandbox host ready").isNotNull();
            String[] ready = line.split(" ");
            d365Url = URI.create(ready[1]);
            URI authority = URI.create(ready[2]);
            commerceUrl = URI.create(ready[3]);
            Thread drainer = new Thread(() -> out.lines().forEach(LOG::debug), "sandbox-host-log");
            drainer.setDaemon(true);
            drainer.start();
            run(authority);
        } finally {
            host.getOutputStream().close();
            if (!host.waitFor(20, TimeUnit.SECONDS)) {
                host.destroyForcibly();
            }
        }
    }

    private void run(URI authority) throws Exception {
        StorageAccount storage = TestAzurite.storage();
        URI blob = URI.create(storage.blobService().getAccountUrl());
        D365Client d365 = D365Client.create(new D365ClientOptions(d365Url, D365ClientOptions.AuthMode.ENTRA, authority,
                "bench-app", new D365ClientOptions.Secret("bench-secret-0123456789"), false, Duration.ofSeconds(60),
                new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "bench")), Optional.empty()));
        OAuthCredentials integration = new OAuthCredentials("sandbox-consumer-key", "sandbox-consumer-secret",
                "sandbox-access-token", "sandbox-token-secret");
        CommerceClient commerce = CommerceClient.create(CommerceClientOptions.builder(commerceUrl,
                new CommerceCredentials.OAuth1(integration)).build());
        CustomerSyncFlow flow = new CustomerSyncFlow(() -> d365, () -> commerce, MappingProfileLoader.load(Optional.empty())
                .customerSync(), new CustomerCrossReference(storage, TestAzurite.uniqueName("BenchXref")), PAGE_SIZE,
                WRITE_CONCURRENCY, new CustomerSyncWriter.BulkOptions(BULK_THRESHOLD, 200, Duration.ofMinutes(5)));
        SyncSteps queue = new SyncSteps() {
            @Override
            public void prepare(String f, String run, String legalEntity, Duration delay) {
                enqueue(() -> engine.prepare(f, run, legalEntity));
            }

            @Override
            public void page(String f, String run, String legalEntity, int page) {
                enqueue(() -> engine.page(f, run, legalEntity, page));
            }

            @Override
            public void removals(String f, String run, String legalEntity) {
                enqueue(() -> engine.removals(f, run, legalEntity));
            }
        };
        engine = new SyncEngine(new SyncStateStore(storage, TestAzurite.uniqueName("BenchState")),
                new SyncRunStore(storage, TestAzurite.uniqueName("BenchRuns")), queue, List.of(flow),
                Duration.ofMinutes(10), Clock.systemUTC());
        ExecutorService consumers = Executors.newFixedThreadPool(LEGAL_ENTITIES.size());
        var sampler = Executors.newSingleThreadScheduledExecutor();
        // the live heap: what is left after a collection, sampled every two seconds while the runs go
        sampler.scheduleAtFixedRate(() -> {
            System.gc();
            peakAfterGc.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }, 0, 2, TimeUnit.SECONDS);
        try {
            for (int i = 0; i < LEGAL_ENTITIES.size(); i++) {
                consumers.submit(this::consume);
            }
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
                modified += sandbox(d365Url, "POST", "/_sandbox/customers/change", "{\"dataAreaId\":\"" + legalEntity
                        + "\",\"percent\":1,\"seed\":7,\"aspects\":[\"NAME\",\"EMAIL\",\"ADDRESS\"]}").path("count").asLong();
            }
            metrics.set("onePercent", measure(modified));
            record(metrics);
            metrics.put("noChangeCommerceWriteCallsIsZero", metrics.at("/noChange/commerceWriteCalls").asLong() == 0);
            metrics.put("onePercentWritesExactlyTheChanged", metrics.at("/onePercent/written").asLong()
                    + metrics.at("/onePercent/failed").asLong() == metrics.at("/onePercent/changed").asLong());
            metrics.put("heapWithin256Mb", peakAfterGc.get() / (1024 * 1024) <= 256);
            record(metrics);
            LOG.infof("Customer sync benchmark: %s", metrics);
        } finally {
            sampler.shutdownNow();
            consumers.shutdownNow();
        }
    }

    private void record(ObjectNode metrics) {
        metrics.put("peakHeapMb", peakAfterGc.get() / (1024 * 1024));
        BenchmarkReport.record("customer-sync" + REPORT_SUFFIX, metrics);
    }

    private void enqueue(Runnable step) {
        pending.incrementAndGet();
        steps.add(step);
    }

    private void consume() {
        while (!Thread.currentThread().isInterrupted()) {
            Runnable step;
            try {
                step = steps.take();
            } catch (InterruptedException e) {
                return;
            }
            for (int delivery = 1; ; delivery++) {
                try {
                    step.run();
                    break;
                } catch (RuntimeException failed) {
                    LOG.warnf("Sync step failed (delivery %d): %s", delivery, failed.getMessage());
                    if (delivery >= 5) {
                        break;
                    }
                }
            }
            pending.decrementAndGet();
        }
    }

    private ObjectNode measure(long modified) throws Exception {
        sandbox(commerceUrl, "DELETE", "/_sandbox/stats", null);
        sandbox(d365Url, "DELETE", "/_sandbox/counters", null);
        long start = System.nanoTime();
        engine.start(CustomerSyncFlow.NAME, RunRequest.full("benchmark")).orElseThrow();
        while (engine.current(CustomerSyncFlow.NAME).isPresent() || pending.get() > 0) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        SyncCounters c = engine.latest(CustomerSyncFlow.NAME, 1).get(0).counters();
        JsonNode stats = sandbox(commerceUrl, "GET", "/_sandbox/stats", null);
        long writes = stats.at("/totals/writes").asLong();
        long reads = stats.at("/totals/reads").asLong();
        long items = 0;
        for (JsonNode n : stats.path("items")) {
            items += n.asLong();
        }
        long d365Calls = 0;
        for (JsonNode n : sandbox(d365Url, "GET", "/_sandbox/counters", null)) {
            d365Calls += n.asLong();
        }
        ObjectNode run = Json.mapper().createObjectNode();
        run.put("records", c.read()).put("modified", modified).put("changed", c.added() + c.changed())
                .put("written", c.written()).put("adopted", c.adopted()).put("unchanged", c.unchanged())
                .put("skipped", c.skipped()).put("stillFailed", c.stillFailed())
                .put("commerceWriteCalls", writes).put("commerceCalls", writes + reads).put("commerceBulkItems", items)
                .put("d365Calls", d365Calls).put("seconds", Math.round(seconds * 10) / 10.0).put("failed", c.failed());
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

    private JsonNode sandbox(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("X-Sandbox-Key", SANDBOX_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = sandboxClient(base).send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isBetween(200, 299);
        return answer.body() == null || answer.body().isBlank() ? Json.mapper().createObjectNode()
                : Json.mapper().readTree(answer.body());
    }

    private HttpClient sandboxClient(URI base) throws Exception {
        if (!"https".equals(base.getScheme())) {
            return http;
        }
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(TLS.trustStore())) {
            store.load(in, "changeit".toCharArray());
        }
        trust.init(store);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
