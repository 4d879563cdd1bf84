package io.github.d365bridge.flow.orders.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import io.github.d365bridge.runtime.TimerHandler;

/**
 * Timer step on {@code ORDER_BATCH_SCHEDULE}: for every legal entity with mapped orders waiting, package
 * and start what is due. One import per data project and company at a time, so at most one batch each.
 */
@ApplicationScoped
public class OrderBatchTimerHandler implements TimerHandler {

    @Inject
    Provider<OrderBatcher> batcher;

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
        OrderBatcher orders = batcher.get();
        for (String legalEntity : orders.legalEntitiesWaiting()) {
            orders.packageReady(legalEntity);
        }
    }
}
