package io.github.d365bridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.EventPublisher;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.storage.Json;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The webhook intake under load, against the raw Azurite enqueue rate measured in the same run with the
 * same SDK client and concurrency: first both as fast as they go (closed loop), then the intake at a
 * fixed request rate ({@code -Dbenchmark.intake-rate}, default 300/s) with each latency taken from the
 * moment the request was due, so a stalled server cannot hide its queueing delay. Bodies are real sandbox
 * orders signed in advance (the signing is Commerce's cost, not ours). The intake queue is paused in this
 * profile, so what the endpoint enqueues is counted, then cleared.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class WebhookIntakeBenchmark {

    private static final Logger LOG = Logger.getLogger(WebhookIntakeBenchmark.class);
    private static final int CONCURRENCY = BenchmarkReport.intProperty("benchmark.intake-concurrency", 16);
    private static final int BODIES = 1_000;
    private static final int ROUND_SECONDS = BenchmarkReport.intProperty("benchmark.intake-round-seconds", 3);

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @Inject
    QueuePublisher publisher;
    @Inject
    StorageAccount storage;

    @ConfigProperty(name = "ORDER_INTAKE_QUEUE")
    String intakeQueue;
    @TestHTTPResource("/intake/commerce/webhook")
    URL webhook;

    // Vert.x's client, not the JDK's: the JDK client writes headers and body in separate segments without
    // TCP_NODELAY, so Nagle and delayed ACKs add ~40 ms per request that no real webhook sender pays
    // (curl, which Commerce's Guzzle uses, sets TCP_NODELAY).
    private final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1));
    private final io.vertx.core.http.HttpClient http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
            .setTcpNoDelay(true).setKeepAlive(true).setMaxPoolSize(256).setConnectTimeout(5_000));
    private final List<SignedBody> requests = new ArrayList<>();

    private record SignedBody(io.vertx.core.buffer.Buffer body, String signature) {
    }
    private final AtomicInteger nonOk = new AtomicInteger();

    @Test
    void webhookIntakeAgainstRawEnqueue() throws Exception {
        int rate = BenchmarkReport.intProperty("benchmark.intake-rate", 300);
        int seconds = BenchmarkReport.intProperty("benchmark.intake-seconds", 20);
        prepareSignedRequests();
        String rawQueue = "bench-raw-enqueue";
        String rawText = Json.mapper().writeValueAsString(Json.mapper().createObjectNode()
                .put("type", "order.received").put("payload", "x".repeat(300)));
        storage.queue(intakeQueue).clearMessages();
        storage.queue(rawQueue).createIfNotExists();
        nonOk.set(0);
        try (HeapSampler heap = new HeapSampler()) {
            // warm-up: JIT, connection pools, Azurite's queues
            // warm-up until the JIT has compiled both paths (on 2 cores C2 needs a while), then empty queues
            for (int warm = 0; warm < 3; warm++) {
                closedLoop(Duration.ofSeconds(5), i -> post(i));
                clear(rawQueue);
            }
            closedLoop(Duration.ofSeconds(2), i -> publisher.sendRaw(rawQueue, rawText, Duration.ZERO));
            clear(rawQueue);
            // Azurite (in memory) slows down as its queues fill, so each measurement starts from empty queues;
            // raw and intake alternate over three short rounds and the medians are reported. The volume is
            // kept modest: after ~80,000 messages in one run Azurite stopped answering for minutes.
            Loop[] raws = new Loop[3];
            Loop[] intakes = new Loop[3];
            for (int round = 0; round < 3; round++) {
                raws[round] = closedLoop(Duration.ofSeconds(ROUND_SECONDS), i -> publisher.sendRaw(rawQueue, rawText, Duration.ZERO));
                clear(rawQueue);
                intakes[round] = closedLoop(Duration.ofSeconds(ROUND_SECONDS), i -> post(i));
                clear(rawQueue);
            }
            Loop raw = median(raws);
            Loop intake = median(intakes);
            double unsigned = closedLoop(Duration.ofSeconds(3), i -> postUnsigned(i)).perSecond();
            long before = storage.queue(intakeQueue).getProperties().getApproximateMessagesCount();
            ObjectNode open = openLoop(rate, seconds);
            long enqueued = storage.queue(intakeQueue).getProperties().getApproximateMessagesCount() - before;
            assertThat(nonOk.get()).as("intake answers other than 200").isZero();
            assertThat(enqueued).as("one message per delivered order").isEqualTo((long) rate * seconds);

            ObjectNode m = Json.mapper().createObjectNode();
            m.put("concurrency", CONCURRENCY).put("roundSeconds", ROUND_SECONDS)
                    .put("rawEnqueuePerSecond", Math.round(raw.perSecond()))
                    .put("intakeMaxPerSecond", Math.round(intake.perSecond()))
                    .put("intakeShareOfRawEnqueue", Math.round(intake.perSecond() / raw.perSecond() * 100) / 100.0)
                    .put("rawCpuMicrosPerCallJvm", Math.round(raw.jvmMicrosPerCall()))
                    .put("rawCpuMicrosPerCallAzurite", Math.round(raw.azuriteMicrosPerCall()))
                    .put("intakeCpuMicrosPerCallJvm", Math.round(intake.jvmMicrosPerCall()))
                    .put("intakeCpuMicrosPerCallAzurite", Math.round(intake.azuriteMicrosPerCall()))
                    .put("unsignedRefusedPerSecond", Math.round(unsigned));
            m.set("openLoop", open);
            m.put("peakHeapMb", heap.peakMegabytes());
            BenchmarkReport.record("webhook-intake", m);
        } finally {
            storage.queue(intakeQueue).clearMessages();
            storage.queue(rawQueue).clearMessages();
        }
    }

    /** Empties both queues between measurements: Azurite (in memory) slows down as its queues fill. */
    private void clear(String rawQueue) {
        long start = System.nanoTime();
        storage.queue(rawQueue).clearMessages();
        storage.queue(intakeQueue).clearMessages();
        LOG.infof("Queues cleared in %d ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static Loop median(Loop[] loops) {
        Loop[] sorted = loops.clone();
        java.util.Arrays.sort(sorted, java.util.Comparator.comparingDouble(Loop::perSecond));
        return sorted[sorted.length / 2];
    }

    private void prepareSignedRequests() {
        ObjectNode template = commerce.orders().place(1, OrderKind.MIXED, true, new DeliveryPolicy(1, false, 100, true, false))
                .get(0);
        for (int i = 0; i < BODIES; i++) {
            ObjectNode order = template.deepCopy().put("entity_id", 9_000_000 + i).put("increment_id", "B" + (9_000_000 + i));
            ObjectNode body = Json.mapper().createObjectNode().put("eventName", EventPublisher.EVENT_NAME);
            body.putObject("data").set("order", order);
            byte[] raw = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            requests.add(new SignedBody(io.vertx.core.buffer.Buffer.buffer(raw),
                    EventSigner.sign(commerce.options().webhookKeyPair(), raw)));
        }
    }

    private void post(int i) {
        SignedBody signed = requests.get(i % BODIES);
        try {
            int[] status = new int[1];
            String body = send(signed.body(), signed.signature(), status);
            if (status[0] != 200 && nonOk.getAndIncrement() == 0) {
                LOG.warnf("Intake answered %d: %s", status[0], body);
            }
        } catch (RuntimeException e) {
            if (nonOk.getAndIncrement() == 0) {
                LOG.warn("Intake request failed", e);
            }
        }
    }

    /** One POST to the webhook endpoint, waited for; the status lands in {@code status[0]}. */
    private String send(io.vertx.core.buffer.Buffer body, String signature, int[] status) {
        io.vertx.core.http.RequestOptions options = new io.vertx.core.http.RequestOptions()
                .setMethod(io.vertx.core.http.HttpMethod.POST).setAbsoluteURI(webhook.toString())
                .putHeader("Content-Type", "application/json").setTimeout(10_000);
        if (signature != null) {
            options.putHeader("x-adobe-commerce-webhook-signature", signature);
        }
        try {
            return http.request(options).compose(request -> request.send(body)).compose(response -> {
                status[0] = response.statusCode();
                return response.body();
            }).toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS).toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("webhook POST failed", e);
        }
    }

    private void postUnsigned(int i) {
        send(io.vertx.core.buffer.Buffer.buffer("{}"), null, new int[1]);
    }

    /** {@code CONCURRENCY} threads calling {@code action} back to back for {@code duration}; calls per second. */
    private record Loop(double perSecond, double jvmMicrosPerCall, double azuriteMicrosPerCall) {
    }

    private Loop closedLoop(Duration duration, java.util.function.IntConsumer action) throws Exception {
        CpuMeter.Sample cpuBefore = CpuMeter.now();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicLong calls = new AtomicLong();
        AtomicInteger sequence = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CONCURRENCY; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    action.accept(sequence.getAndIncrement());
                    calls.incrementAndGet();
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        CpuMeter.Sample cpu = CpuMeter.now().minus(cpuBefore);
        LOG.infof("Closed loop: %d calls in %.1f s; CPU per call: JVM %.0f µs, child processes (Azurite) %.0f µs",
                calls.get(), elapsed, cpu.jvmNanos() / 1e3 / calls.get(), cpu.childNanos() / 1e3 / calls.get());
        return new Loop(calls.get() / elapsed, cpu.jvmNanos() / 1e3 / calls.get(), cpu.childNanos() / 1e3 / calls.get());
    }

    /** {@code rate} requests/s for {@code seconds}, latency measured from each request's due time. */
    private ObjectNode openLoop(int rate, int seconds) throws Exception {
        int total = rate * seconds;
        double[] latencies = new double[total];
        ExecutorService workers = Executors.newFixedThreadPool(128);
        List<Future<?>> sent = new ArrayList<>(total);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            sent.add(workers.submit(() -> {
                post(n);
                latencies[n] = (System.nanoTime() - due) / 1e6;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        ObjectNode open = Json.mapper().createObjectNode();
        open.put("offeredPerSecond", rate).put("requests", total)
                .put("achievedPerSecond", Math.round(total / elapsed * 10) / 10.0);
        open.putPOJO("latencyMs", new Latencies(latencies).summary());
        return open;
    }
}
