package io.github.d365bridge.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.storage.MessageEnvelope;

/**
 * A handler whose deliveries take as long as a test says: as long as the message's {@code holdMillis}, or
 * until the test releases its business key. It records every delivery, which keys are being handled right
 * now, and whether one key was ever handled twice at the same time, so a test sees redeliveries and
 * concurrent runs of one message.
 */
@ApplicationScoped
public class SlowTestHandler implements QueueHandler {

    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Set<String> ranConcurrently = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    @Override
    public String queueSetting() {
        return "TEST_SLOW_QUEUE";
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        String key = envelope.businessKey();
        deliveries.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(delivery);
        AtomicInteger running = active.computeIfAbsent(key, k -> new AtomicInteger());
        if (running.incrementAndGet() > 1) {
            ranConcurrently.add(key);
        }
        try {
            CountDownLatch release = held.get(key);
            long holdMillis = envelope.payload() == null ? 0 : envelope.payload().path("holdMillis").asLong(0);
            if (release != null) {
                await(release, 60_000);
            } else if (holdMillis > 0) {
                await(new CountDownLatch(1), holdMillis); // the simulated work: a slow remote call, say
            }
            finished.add(key);
        } finally {
            running.decrementAndGet();
        }
    }

    private static void await(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deliveries of {@code key} will wait inside the handler until {@link #release(String)}. */
    public void hold(String key) {
        held.put(key, new CountDownLatch(1));
    }

    public void release(String key) {
        CountDownLatch latch = held.get(key);
        if (latch != null) {
            latch.countDown();
        }
    }

    public List<Delivery> deliveries(String key) {
        return deliveries.getOrDefault(key, List.of());
    }

    public boolean isRunning(String key) {
        AtomicInteger running = active.get(key);
        return running != null && running.get() > 0;
    }

    public boolean hasFinished(String key) {
        return finished.contains(key);
    }

    /** Whether a second delivery of {@code key} ever started while one was still running. */
    public boolean ranConcurrently(String key) {
        return ranConcurrently.contains(key);
    }
}
