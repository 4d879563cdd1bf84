package io.github.d365bridge.flow.orders.reconcile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import io.github.d365bridge.config.Connections;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.runtime.TimerHandler;

/**
 * Timer step on {@code ORDER_RECONCILE_SCHEDULE}: moves on orders that stayed too long between two steps, and
 * rolls up the ledger's written-back counts (so the status view reads minutes of write-backs, not all of them).
 */
@ApplicationScoped
public class OrderReconcileTimerHandler implements TimerHandler {

    public static final String SCHEDULE_SETTING = "ORDER_RECONCILE_SCHEDULE";

    @Inject
    Provider<OrderReconciler> reconciler;
    @Inject
    Connections connections;
    @Inject
    OrderLedger ledger;

    @Override
    public String scheduleSetting() {
        return SCHEDULE_SETTING;
    }

    @Override
    public String name() {
        return "order-reconcile";
    }

    @Override
    public void run() {
        if (connections.d365() && connections.commerce()) {
            reconciler.get().run();
        }
        ledger.rollUp();
    }
}
