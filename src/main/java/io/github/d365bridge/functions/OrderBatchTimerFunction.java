package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.flow.orders.batch.OrderBatchTimerHandler;

/** Timer adapter: packages and starts due order batches on the {@code ORDER_BATCH_SCHEDULE} app setting. */
public class OrderBatchTimerFunction {

    @Inject
    OrderBatchTimerHandler handler;

    @FunctionName("OrderBatchTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%ORDER_BATCH_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
