package io.github.d365bridge.flow.orders.intake;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import io.github.d365bridge.client.commerce.webhook.CommerceWebhookVerifier;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.MessageEnvelope;

/**
 * The CPU one webhook costs in each step the intake itself adds to a bare enqueue, measured on one
 * thread with the production code: signature check, body parse, envelope build and encode. Thread CPU
 * time, not wall time, so other processes on a busy machine disturb it far less than the load loops;
 * what it leaves out (HTTP server, Storage SDK, GC) is what the load loops measure as a whole.
 */
public final class IntakeStageCosts {

    /** One signed body as the intake receives it. */
    public record Webhook(byte[] body, String signature) {
    }

    private static final int WARM_UP = 5_000;
    private static final int MEASURED = 3_000;
    private static final int PASSES = 3;

    private IntakeStageCosts() {
    }

    /**
     * Microseconds of thread CPU per call for each step and for all of them in a row. Every step is warmed
     * up before the first is measured (so none is timed while the JIT still compiles another), then each is
     * measured in three passes and the cheapest pass is kept: a busy machine can only add to a pass.
     */
    public static Map<String, Double> measure(CommerceWebhookVerifier verifier, List<Webhook> webhooks) {
        List<OrderSignal> signals = webhooks.stream().map(w -> OrderEventParser.parseWebhook(w.body()).orders().get(0))
                .toList();
        Map<String, IntConsumer> steps = new LinkedHashMap<>();
        steps.put("verifySignature", i -> {
            Webhook w = webhooks.get(i % webhooks.size());
            if (verifier.verify(w.signature(), w.body()).invalid()) {
                throw new IllegalStateException("stage cost bodies must be validly signed");
            }
        });
        steps.put("parseBody", i -> OrderEventParser.parseWebhook(webhooks.get(i % webhooks.size()).body()));
        steps.put("buildAndEncodeEnvelope", i -> EnvelopeCodec.encode(envelope(signals.get(i % signals.size()))));
        steps.put("allSteps", i -> {
            Webhook w = webhooks.get(i % webhooks.size());
            verifier.verify(w.signature(), w.body());
            EnvelopeCodec.encode(envelope(OrderEventParser.parseWebhook(w.body()).orders().get(0)));
        });
        steps.values().forEach(step -> run(step, WARM_UP));
        Map<String, Double> costs = new LinkedHashMap<>();
        steps.forEach((name, step) -> costs.put(name, Double.MAX_VALUE));
        for (int pass = 0; pass < PASSES; pass++) {
            steps.forEach((name, step) -> costs.merge(name, perCall(step), Math::min));
        }
        return costs;
    }

    /** As {@link OrderIntake} builds it, the store code taken as given. */
    private static MessageEnvelope envelope(OrderSignal signal) {
        return OrderMessages.orderReceived(new OrderReceived("default", signal.incrementId(), signal.entityId(),
                "webhook", signal.updatedAt()), "bench-correlation");
    }

    private static double perCall(IntConsumer step) {
        long before = cpuNanos();
        run(step, MEASURED);
        return Math.round((cpuNanos() - before) / 1e3 / MEASURED * 10) / 10.0;
    }

    private static void run(IntConsumer step, int calls) {
        for (int i = 0; i < calls; i++) {
            step.accept(i);
        }
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
