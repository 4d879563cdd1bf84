package io.github.d365bridge.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;

/**
 * The load generator of the order-flow benchmarks: places orders in the Commerce sandbox at a steady
 * rate, each delivered once as a signed webhook, and keeps when each was placed and its Commerce id.
 * Placement only schedules the delivery; the sandbox's delivery threads send it.
 */
final class OrderPlacer {

    /** What was placed: times and Commerce ids by order key, and when placing began and ended. */
    record Placed(Map<OrderKey, Instant> placedAt, Map<OrderKey, Integer> commerceIds, Instant start, Instant end) {
    }

    private static final DeliveryPolicy ONCE_BY_WEBHOOK = new DeliveryPolicy(1, false, 0, true, false);

    private OrderPlacer() {
    }

    static Placed place(CommerceSandbox commerce, int orders, double perSecond) throws InterruptedException {
        Map<OrderKey, Instant> placedAt = new ConcurrentHashMap<>();
        Map<OrderKey, Integer> commerceIds = new ConcurrentHashMap<>();
        ScheduledExecutorService placer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch allPlaced = new CountDownLatch(orders);
        AtomicInteger placedCount = new AtomicInteger();
        long periodNanos = (long) (1_000_000_000L / perSecond);
        Instant start = Instant.now();
        ScheduledFuture<?> placing = placer.scheduleAtFixedRate(() -> {
            if (placedCount.incrementAndGet() > orders) {
                return;
            }
            Instant now = Instant.now();
            ObjectNode order = commerce.orders().place(1, OrderKind.MIXED, false, ONCE_BY_WEBHOOK).get(0);
            OrderKey key = key(order);
            placedAt.put(key, now);
            commerceIds.put(key, order.get("entity_id").asInt());
            allPlaced.countDown();
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        allPlaced.await();
        placing.cancel(false);
        placer.shutdown();
        return new Placed(placedAt, commerceIds, start, Instant.now());
    }

    private static OrderKey key(ObjectNode order) {
        return new OrderKey(order.get("store_id").asInt() == 1 ? "default" : "eu_en", order.get("increment_id").asText());
    }
}
