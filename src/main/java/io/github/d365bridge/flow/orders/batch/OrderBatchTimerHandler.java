package io.github.d365bridge.flow.orders.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import org.jboss.logging.Logger;

import io.github.d365bridge.config.Connections;
import io.github.d365bridge.runtime.TimerHandler;

/**
 * Timer step on {@code ORDER_BATCH_SCHEDULE}: for every legal entity with mapped orders waiting, package
 * and start what is due. One import per data project and company at a time, so at most one batch each.
 */
@ApplicationScoped
public class OrderBatchTimerHandler implements TimerHandler {

    private static final Logger LOG = Logger.getLogger(OrderBatchTimerHandler.class);

    @Inject
    Provider<OrderBatcher> batcher;
    @Inject
    Connections connections;

    private final java.util.concurrent.atomic.AtomicBoolean idleReported = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public String scheduleSetting() {
        return "ORDER_BATCH_SCHEDULE";
    }

    @Override
    public String name() {
        return "order-batch";
    }

    @Override
    public void run() {
        if (!connections.d365() || !connections.commerce()) {
            // Not connected yet (a fresh local run, say): say so once instead of failing every ten seconds.
            if (idleReported.compareAndSet(false, true)) {
                LOG.info("Order flow idle: set bridge.d365.base-url and bridge.commerce.base-url to import orders");
            }
            return;
        }
        OrderBatcher orders = batcher.get();
        for (String legalEntity : orders.legalEntitiesWaiting()) {
            orders.packageReady(legalEntity);
        }
    }
}
