package io.github.d365bridge.sandbox.commerce.orders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions.StoreView;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;

/**
 * Places orders as shoppers would and hands them to the intake: deterministic from the seed
 * (same seed, same orders), on every store view, by guests, registered customers and B2B company
 * members. Deliveries run on background threads in the planned order: one at a time by default, so
 * "out of order" and "duplicate" are exact, not racy; with a delivery concurrency above one, that many
 * at once (a store's PHP workers each sending the webhook of the order they saved), started in the
 * planned order and arriving in whatever order their answers take.
 */
public final class OrderGenerator implements AutoCloseable {

    private final CommerceSandboxData data;
    private final OrderFactory factory;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Random random;
    private final ExecutorService delivery;
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "commerce-sandbox-trickle"));
    private final AtomicInteger pending = new AtomicInteger();
    private volatile DeliveryPolicy policy = DeliveryPolicy.once();
    private ScheduledFuture<?> trickling;

    /** @param concurrency deliveries in flight at once (1: one after another, in the planned order) */
    public OrderGenerator(CommerceSandboxData data, EventPublisher publisher, long seed, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("delivery concurrency must be at least 1, was " + concurrency);
        }
        AtomicInteger threads = new AtomicInteger();
        this.delivery = Executors.newFixedThreadPool(concurrency,
                r -> daemon(r, "commerce-sandbox-delivery-" + threads.incrementAndGet()));
        this.data = data;
        this.factory = new OrderFactory(data);
        this.publisher = publisher;
        this.clock = data.options().clock();
        this.random = new Random(seed * 31 + 7);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    public OrderGenerator policy(DeliveryPolicy value) {
        this.policy = value;
        return this;
    }

    public DeliveryPolicy policy() {
        return policy;
    }

    /** Places {@code count} mixed orders and delivers them by the current policy. */
    public List<ObjectNode> place(int count) {
        return place(count, OrderKind.MIXED, false, policy);
    }

    /**
     * @param configurable every order's first line is a configurable product (parent + child rows)
     * @return the placed orders, as {@code GET /V1/orders/{id}} shows them
     */
    public List<ObjectNode> place(int count, OrderKind kind, boolean configurable, DeliveryPolicy deliveryPolicy) {
        List<ObjectNode> placed = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        List<StoreView> stores = data.options().storeViews();
        synchronized (data) {
            for (int i = 0; i < count; i++) {
                StoreView store = stores.get(random.nextInt(stores.size()));
                ObjectNode order = factory.build(random, kind, store, configurable);
                data.orderTable().insert(order);
                factory.assignIds(order);
                data.reservations().placed(order);
                placed.add(order.deepCopy());
                eventIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
            }
        }
        schedule(placed, eventIds, deliveryPolicy);
        return placed;
    }

    private void schedule(List<ObjectNode> placed, List<String> eventIds, DeliveryPolicy deliveryPolicy) {
        record Planned(ObjectNode order, String eventId, int attempt) {
        }
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            if (random.nextInt(100) < deliveryPolicy.neverDeliverPercent()) {
                continue;
            }
            for (int attempt = 1; attempt <= deliveryPolicy.copies(); attempt++) {
                plan.add(new Planned(placed.get(i), eventIds.get(i), attempt));
            }
        }
        if (deliveryPolicy.outOfOrder()) {
            Collections.shuffle(plan, random);
        }
        for (Planned p : plan) {
            pending.incrementAndGet();
            delivery.execute(() -> {
                try {
                    if (deliveryPolicy.webhook()) {
                        publisher.webhook(p.order(), p.attempt());
                    }
                    if (deliveryPolicy.ioEvents()) {
                        publisher.ioEvent(p.order(), p.eventId(), clock.instant(), p.attempt());
                    }
                } finally {
                    pending.decrementAndGet();
                }
            });
        }
    }

    /** Deliveries attempted so far, in the order they were made. */
    public List<Delivery> deliveries() {
        return publisher.deliveries();
    }

    /** Deliveries planned but not yet attempted. */
    public int pendingDeliveries() {
        return pending.get();
    }

    /** Steady trickle for the local run: {@code perMinute} orders a minute until stopped (0 stops). */
    public synchronized void trickle(int perMinute) {
        if (trickling != null) {
            trickling.cancel(false);
            trickling = null;
        }
        if (perMinute > 0) {
            long periodMillis = Math.max(1, 60_000L / perMinute);
            trickling = trickle.scheduleAtFixedRate(() -> place(1), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        trickle.shutdownNow();
        delivery.shutdownNow();
    }
}
