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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.commerce.auth.OAuthCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncSteps;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.storage.StorageAccount;

/**
 * What the sync benchmarks share: both sandboxes in a JVM of their own ({@link SandboxHost}, so the heap
 * measured is the bridge's), clients for them, the sandboxes' control endpoints, the sync queue played by
 * {@code consumers} threads (a failing step is delivered again, five times at most), and the live heap sampled
 * after collections.
 */
final class SyncBenchmarkHarness implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SyncBenchmarkHarness.class);
    static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final String SANDBOX_KEY = "sandbox-control-key";

    final URI d365Url;
    final URI authority;
    final URI commerceUrl;
    private final Process host;
    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<ExecutorService> pools = new ArrayList<>();
    private final HttpClient http;

    /** Starts the sandbox host with {@link SandboxHost}'s arguments and waits for it. */
    SyncBenchmarkHarness(String... hostArgs) throws Exception {
        TLS.trustStore(); // made before the host reads it
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-cp", System.getProperty("java.class.path"), SandboxHost.class.getName()));
        command.addAll(List.of(hostArgs));
        host = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            LOG.debug(line);
        }
        assertThat(line).as("sandbox host ready").isNotNull();
        String[] ready = line.split(" ");
        d365Url = URI.create(ready[1]);
        authority = URI.create(ready[2]);
        commerceUrl = URI.create(ready[3]);
        Thread drainer = new Thread(() -> out.lines().forEach(LOG::debug), "sandbox-host-log");
        drainer.setDaemon(true);
        drainer.start();
        http = trusting();
    }

    D365Client d365(StorageAccount storage) throws Exception {
        URI blob = URI.create(storage.blobService().getAccountUrl());
        return D365Client.create(new D365ClientOptions(d365Url, D365ClientOptions.AuthMode.ENTRA, authority,
                "bench-app", new D365ClientOptions.Secret("bench-secret-0123456789"), false, Duration.ofSeconds(60),
                new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                        Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "bench")), Optional.empty()));
    }

    CommerceClient commerce(Duration bulkPollInitial, Duration bulkPollMax) {
        OAuthCredentials integration = new OAuthCredentials("sandbox-consumer-key", "sandbox-consumer-secret",
                "sandbox-access-token", "sandbox-token-secret");
        return CommerceClient.create(CommerceClientOptions.builder(commerceUrl, new CommerceCredentials.OAuth1(integration))
                .bulkPoll(bulkPollInitial, bulkPollMax).build());
    }

    /** The sync queue, delivering to {@code engine} once it is set. */
    SyncSteps queue(java.util.function.Supplier<SyncEngine> engine) {
        return new SyncSteps() {
            @Override
            public void prepare(String f, String run, String legalEntity, Duration delay) {
                enqueue(() -> engine.get().prepare(f, run, legalEntity));
            }

            @Override
            public void page(String f, String run, String legalEntity, int page) {
                enqueue(() -> engine.get().page(f, run, legalEntity, page));
            }

            @Override
            public void removals(String f, String run, String legalEntity) {
                enqueue(() -> engine.get().removals(f, run, legalEntity));
            }
        };
    }

    /** Starts {@code consumers} queue consumers and the heap sampler (every two seconds, after a collection). */
    void start(int consumers) {
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        pools.add(pool);
        for (int i = 0; i < consumers; i++) {
            pool.submit(this::consume);
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        pools.add(sampler);
        sampler.scheduleAtFixedRate(() -> {
            System.gc();
            peakAfterGc.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }, 0, 2, TimeUnit.SECONDS);
    }

    long peakHeapMb() {
        return peakAfterGc.get() / (1024 * 1024);
    }

    /** Waits until the flow has no current run and no step is queued or running. */
    void awaitIdle(SyncEngine engine, String flow) throws InterruptedException {
        while (engine.current(flow).isPresent() || pending.get() > 0) {
            Thread.sleep(200);
        }
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

    /** A call of a sandbox's control endpoints ({@code /_sandbox/…}); fails unless 2xx. */
    JsonNode sandbox(URI base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("X-Sandbox-Key", SANDBOX_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isBetween(200, 299);
        return answer.body() == null || answer.body().isBlank() ? Json.mapper().createObjectNode()
                : Json.mapper().readTree(answer.body());
    }

    /** Sum of the D365 sandbox's call counters. */
    long d365Calls() throws Exception {
        long calls = 0;
        for (JsonNode n : sandbox(d365Url, "GET", "/_sandbox/counters", null)) {
            calls += n.asLong();
        }
        return calls;
    }

    /** Commerce's calls since the last reset: write calls, read calls, bulk elements. */
    record CommerceCalls(long writes, long reads, long bulkItems) {
    }

    /**
     * Runs the flow once in full, from cleared counters until it is idle: answers its counters, its seconds and
     * Commerce's calls.
     */
    Measured runOnce(SyncEngine engine, String flow) throws Exception {
        resetCounters();
        long start = System.nanoTime();
        engine.start(flow, io.github.d365bridge.flow.sync.SyncEngine.RunRequest.full("benchmark")).orElseThrow();
        awaitIdle(engine, flow);
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode stats = sandbox(commerceUrl, "GET", "/_sandbox/stats", null);
        long items = 0;
        for (JsonNode n : stats.path("items")) {
            items += n.asLong();
        }
        return new Measured(engine.latest(flow, 1).get(0).counters(), Math.round(seconds * 10) / 10.0,
                new CommerceCalls(stats.at("/totals/writes").asLong(), stats.at("/totals/reads").asLong(), items),
                d365Calls());
    }

    record Measured(io.github.d365bridge.flow.sync.SyncCounters counters, double seconds, CommerceCalls commerce,
            long d365Calls) {
    }

    void resetCounters() throws Exception {
        sandbox(commerceUrl, "DELETE", "/_sandbox/stats", null);
        sandbox(d365Url, "DELETE", "/_sandbox/counters", null);
    }

    private static HttpClient trusting() throws Exception {
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

    @Override
    public void close() throws Exception {
        pools.forEach(ExecutorService::shutdownNow);
        host.getOutputStream().close();
        if (!host.waitFor(20, TimeUnit.SECONDS)) {
            host.destroyForcibly();
        }
    }
}
