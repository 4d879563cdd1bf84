package io.github.d365bridge.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.storage.MessageEnvelope;

/**
 * A handler that can be held mid-delivery, so a test can kill the pump between "handled" and
 * "deleted" and watch the message come back.
 */
@ApplicationScoped
public class CrashTestHandler implements QueueHandler {

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    @Override
    public String queueSetting() {
        return "TEST_CRASH_QUEUE";
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        deliveries.add(delivery);
        entered.countDown();
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never released the handler");
            }
        } catch (InterruptedException e) {
            // The pump was halted: finish "handling" anyway, as a real handler that already wrote would.
            Thread.currentThread().interrupt();
        }
    }

    /** The next delivery will wait inside the handler until {@link #release()}. */
    public void holdNext() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public boolean awaitEntered() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    public void release() {
        release.countDown();
    }

    public List<Delivery> deliveries() {
        return deliveries;
    }
}
