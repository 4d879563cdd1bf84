package io.github.d365bridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.webhook.CommerceWebhookVerifier;
import io.github.d365bridge.flow.orders.intake.InjectCommerceSandbox;
import io.github.d365bridge.flow.orders.intake.IntakeStageCosts;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.EventPublisher;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.StorageAccount;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The webhook intake under load, against the bare Azurite enqueue measured in the same run with the same
 * non-blocking SDK client and concurrency ({@link RawEnqueueLoad}). First both as fast as they go
 * (closed loops, alternating rounds, medians), then the intake at fixed request rates: 50 % and 80 % of
 * that bare rate, and {@code -Dbenchmark.intake-rate} (300/s), each latency taken from the moment the
 * request was due, so a stalled server cannot hide its queueing delay (at most
 * {@code -Dbenchmark.intake-connections}, 32, in flight; a request due while all are busy waits, and
 * that counts). Commerce waits for the answer
 * during checkout, so these latencies are checkout latency.
 *
 * <p>All bodies are signed before any timing starts (signing is Commerce's cost, not ours), and the load
 * generator ({@link WebhookLoadGenerator}) runs on one thread of its own whose CPU is subtracted, so the
 * CPU per call reported for the bridge is the bridge's. The intake queue is paused in this profile, so
 * what the endpoint enqueues can be counted.
 *
 * <p>Azurite keeps its data on disk here ({@link IntakeBenchmarkProfile} says why), and every measurement
 * starts from empty queues: Azurite gets slower as its message table grows.
 */
@QuarkusTest
@TestProfile(IntakeBenchmarkProfile.class)
class WebhookIntakeBenchmark {

    private static final Logger LOG = Logger.getLogger(WebhookIntakeBenchmark.class);
    private static final int CONCURRENCY = BenchmarkReport.intProperty("benchmark.intake-concurrency", 16);
    /** Open loops: the most webhooks in flight, as a store's PHP workers would have. */
    private static final int CONNECTIONS = Math.max(CONCURRENCY, BenchmarkReport.intProperty("benchmark.intake-connections", 32));
    private static final int BODIES = 1_000;
    private static final int ROUNDS = 3;
    private static final Duration ROUND = Duration.ofSeconds(BenchmarkReport.intProperty("benchmark.intake-round-seconds", 3));
    private static final String RAW_QUEUE = "bench-raw-enqueue";

    @InjectCommerceSandbox
    CommerceSandbox commerce;
    @Inject
    StorageAccount storage;

    @ConfigProperty(name = "ORDER_INTAKE_QUEUE")
    String intakeQueue;
    @TestHTTPResource("/intake/commerce/webhook")
    URL webhook;

    /** What one closed loop cost per call: JVM (all of it, and the generator's share), and Azurite. */
    private record Round(double perSecond, double jvmMicros, double generatorMicros, double azuriteMicros) {
        double bridgeMicros() {
            return jvmMicros - generatorMicros;
        }
    }

    @Test
    void webhookIntakeAgainstRawEnqueue() throws Exception {
        int fixedRate = BenchmarkReport.intProperty("benchmark.intake-rate", 300);
        Duration phase = Duration.ofSeconds(BenchmarkReport.intProperty("benchmark.intake-seconds", 10));
        List<WebhookLoadGenerator.SignedWebhook> signed = signedWebhooks();
        String rawText = Json.mapper().writeValueAsString(Json.mapper().createObjectNode()
                .put("type", "order.received").put("payload", "x".repeat(300)));
        try (HeapSampler heap = new HeapSampler(); WebhookLoadGenerator load = new WebhookLoadGenerator(webhook, signed, CONNECTIONS)) {
            ObjectNode stages = Json.mapper().valueToTree(IntakeStageCosts.measure(verifier(), stageWebhooks(signed)));
            // warm-up until the JIT has compiled both paths (on 2 cores C2 needs a while), then empty queues
            for (int warm = 0; warm < 3; warm++) {
                intakeRound(load, Duration.ofSeconds(3));
            }
            RawEnqueueLoad raw = new RawEnqueueLoad(storage.queueAsync(RAW_QUEUE).block(Duration.ofSeconds(30)), rawText);
            rawRound(raw, Duration.ofSeconds(2));
            // raw and intake alternate over short rounds (so a change in machine load touches both) and the
            // medians are reported
            Round[] raws = new Round[ROUNDS];
            Round[] intakes = new Round[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                raws[round] = rawRound(raw, ROUND);
                intakes[round] = intakeRound(load, ROUND);
            }
            Round rawMedian = median(raws);
            Round intakeMedian = median(intakes);
            WebhookLoadGenerator.ClosedLoop unsigned = load.unsignedClosedLoop(CONCURRENCY, Duration.ofSeconds(3));
            assertThat(unsigned.failures()).as("unsigned calls answered other than 401").isZero();
            assertThat(intakeMessages()).as("refused calls enqueue nothing").isZero();

            int at50 = (int) Math.round(rawMedian.perSecond() * 0.5);
            int at80 = (int) Math.round(rawMedian.perSecond() * 0.8);
            ObjectNode open50 = openLoop(load, at50, phase);
            ObjectNode bare50 = bareOpenLoop(raw, at50, phase);
            ObjectNode open80 = openLoop(load, at80, phase);
            ObjectNode openFixed = openLoop(load, fixedRate, phase);

            ObjectNode m = Json.mapper().createObjectNode();
            m.put("concurrency", CONCURRENCY).put("openLoopConnections", CONNECTIONS).put("roundSeconds", ROUND.toSeconds()).put("phaseSeconds", phase.toSeconds())
                    .put("rawEnqueuePerSecond", Math.round(rawMedian.perSecond()))
                    .put("intakeMaxPerSecond", Math.round(intakeMedian.perSecond()))
                    .put("intakeShareOfRawEnqueue", Math.round(intakeMedian.perSecond() / rawMedian.perSecond() * 100) / 100.0)
                    .put("rawCpuMicrosPerCallJvm", Math.round(rawMedian.jvmMicros()))
                    .put("rawCpuMicrosPerCallAzurite", Math.round(rawMedian.azuriteMicros()))
                    .put("intakeCpuMicrosPerCallJvm", Math.round(intakeMedian.jvmMicros()))
                    .put("intakeCpuMicrosPerCallGenerator", Math.round(intakeMedian.generatorMicros()))
                    .put("intakeCpuMicrosPerCallBridge", Math.round(intakeMedian.bridgeMicros()))
                    .put("intakeCpuMicrosPerCallAzurite", Math.round(intakeMedian.azuriteMicros()))
                    .put("unsignedRefusedPerSecond", Math.round(unsigned.perSecond()));
            m.set("intakeStageCpuMicrosPerCall", stages);
            m.put("intakeP99At50PercentMs", open50.path("latencyMs").path("p99").asDouble())
                    .put("intakeP99At80PercentMs", open80.path("latencyMs").path("p99").asDouble())
                    .put("bareEnqueueP99At50PercentMs", bare50.path("latencyMs").path("p99").asDouble());
            m.set("openLoopAt50Percent", open50);
            m.set("bareEnqueueOpenLoopAt50Percent", bare50);
            m.set("openLoopAt80Percent", open80);
            m.set("openLoop", openFixed);
            m.put("peakHeapMb", heap.peakMegabytes());
            BenchmarkReport.record("webhook-intake", m);
        } finally {
            clearQueues();
        }
    }

    /** Real sandbox orders, each a distinct order, signed with the store's key before anything is timed. */
    private List<WebhookLoadGenerator.SignedWebhook> signedWebhooks() {
        ObjectNode template = commerce.orders().place(1, OrderKind.MIXED, true, new DeliveryPolicy(1, false, 100, true, false))
                .get(0);
        List<WebhookLoadGenerator.SignedWebhook> signed = new ArrayList<>(BODIES);
        for (int i = 0; i < BODIES; i++) {
            ObjectNode order = template.deepCopy().put("entity_id", 9_000_000 + i).put("increment_id", "B" + (9_000_000 + i));
            ObjectNode body = Json.mapper().createObjectNode().put("eventName", EventPublisher.EVENT_NAME);
            body.putObject("data").set("order", order);
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            signed.add(new WebhookLoadGenerator.SignedWebhook(io.vertx.core.buffer.Buffer.buffer(bytes),
                    EventSigner.sign(commerce.options().webhookKeyPair(), bytes)));
        }
        LOG.infof("Signed %d webhook bodies of %d bytes before timing", BODIES, signed.get(0).body().length());
        return signed;
    }

    private CommerceWebhookVerifier verifier() {
        return new CommerceWebhookVerifier(commerce.options().webhookKeyPair().getPublic());
    }

    private static List<IntakeStageCosts.Webhook> stageWebhooks(List<WebhookLoadGenerator.SignedWebhook> signed) {
        return signed.stream().map(w -> new IntakeStageCosts.Webhook(w.body().getBytes(), w.signature())).toList();
    }

    private Round intakeRound(WebhookLoadGenerator load, Duration duration) {
        Round round = measured(() -> {
            WebhookLoadGenerator.ClosedLoop loop = load.closedLoop(CONCURRENCY, duration);
            assertThat(loop.failures()).as("intake answers other than 200").isZero();
            return new long[] {loop.calls(), Math.round(loop.seconds() * 1e9), loop.generatorNanos()};
        }, "intake");
        clearQueues();
        return round;
    }

    private Round rawRound(RawEnqueueLoad raw, Duration duration) {
        Round round = measured(() -> {
            RawEnqueueLoad.Result loop = raw.closedLoop(CONCURRENCY, duration);
            assertThat(loop.failures()).as("bare enqueue failures").isZero();
            return new long[] {loop.calls(), Math.round(loop.seconds() * 1e9), 0};
        }, "bare enqueue");
        clearQueues();
        return round;
    }

    /** Runs a loop that answers {calls, elapsed ns, generator CPU ns}, with the process CPU around it. */
    private static Round measured(Supplier<long[]> loop, String what) {
        CpuMeter.Sample before = CpuMeter.now();
        long[] result = loop.get();
        CpuMeter.Sample cpu = CpuMeter.now().minus(before);
        long calls = Math.max(1, result[0]);
        Round round = new Round(calls / (result[1] / 1e9), cpu.jvmNanos() / 1e3 / calls, result[2] / 1e3 / calls,
                cpu.childNanos() / 1e3 / calls);
        LOG.infof("Closed loop (%s): %d calls, %.0f/s; CPU per call: JVM %.0f µs (generator %.0f), Azurite %.0f µs",
                what, result[0], round.perSecond(), round.jvmMicros(), round.generatorMicros(), round.azuriteMicros());
        return round;
    }

    /**
     * {@code rate} requests/s for {@code duration}; checks that every request was answered 200 and enqueued
     * exactly one message, then reports the latencies.
     */
    private ObjectNode openLoop(WebhookLoadGenerator load, int rate, Duration duration) {
        WebhookLoadGenerator.OpenLoop open = load.openLoop(rate, duration);
        long enqueued = intakeMessages();
        clearQueues();
        assertThat(open.failures()).as("intake answers other than 200 at %d/s", rate).isZero();
        assertThat(enqueued).as("one message per delivered order at %d/s", rate).isEqualTo(open.latenciesMs().length);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("offeredPerSecond", rate).put("requests", open.latenciesMs().length)
                .put("achievedPerSecond", Math.round(open.achievedPerSecond() * 10) / 10.0)
                .put("generatorCpuMicrosPerCall", Math.round(open.generatorNanos() / 1e3 / open.latenciesMs().length));
        node.set("latencyMs", Json.mapper().valueToTree(new Latencies(open.latenciesMs()).summary()));
        LOG.infof("Open loop at %d/s: %s", rate, node);
        return node;
    }

    /**
     * The bare enqueue at {@code rate} sends/s, offered as the intake's open loop offers webhooks (same
     * due times, same cap in flight): Azurite's own latency at that rate, the floor under the intake's.
     */
    private ObjectNode bareOpenLoop(RawEnqueueLoad raw, int rate, Duration duration) {
        RawEnqueueLoad.OpenLoop open = raw.openLoop(rate, duration, CONNECTIONS);
        clearQueues();
        assertThat(open.failures()).as("bare enqueue failures at %d/s", rate).isZero();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("offeredPerSecond", rate).put("requests", open.latenciesMs().length)
                .put("achievedPerSecond", Math.round(open.achievedPerSecond() * 10) / 10.0);
        node.set("latencyMs", Json.mapper().valueToTree(new Latencies(open.latenciesMs()).summary()));
        LOG.infof("Bare enqueue open loop at %d/s: %s", rate, node);
        return node;
    }


    /** Empties both queues, so every measurement starts from small Azurite tables. */
    private void clearQueues() {
        storage.queue(RAW_QUEUE).clearMessages();
        storage.queue(intakeQueue).clearMessages();
    }

    private long intakeMessages() {
        return storage.queue(intakeQueue).getProperties().getApproximateMessagesCount();
    }

    private static Round median(Round[] rounds) {
        Round[] sorted = rounds.clone();
        Arrays.sort(sorted, Comparator.comparingDouble(Round::perSecond));
        return sorted[sorted.length / 2];
    }
}
