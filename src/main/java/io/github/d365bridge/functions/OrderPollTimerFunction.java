package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.flow.orders.intake.OrderPollHandler;

/** Timer adapter: the order polling safety net on the {@code ORDER_POLL_SCHEDULE} app setting. */
public class OrderPollTimerFunction {

    @Inject
    OrderPollHandler handler;

    @FunctionName("OrderPollTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%ORDER_POLL_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
