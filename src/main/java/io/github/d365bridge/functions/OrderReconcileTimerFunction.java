package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.flow.orders.reconcile.OrderReconcileTimerHandler;

/** Timer adapter: moves on stalled orders on the {@code ORDER_RECONCILE_SCHEDULE} app setting. */
public class OrderReconcileTimerFunction {

    @Inject
    OrderReconcileTimerHandler handler;

    @FunctionName("OrderReconcileTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%ORDER_RECONCILE_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
