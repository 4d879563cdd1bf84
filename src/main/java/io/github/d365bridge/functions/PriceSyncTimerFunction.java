package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.flow.catalog.PriceSyncTimerHandler;
import io.github.d365bridge.ground.Correlation;

/** Timer adapter: starts (or resumes) the price sync on the {@code PRICE_SYNC_SCHEDULE} app setting. */
public class PriceSyncTimerFunction {

    @Inject
    PriceSyncTimerHandler handler;

    @FunctionName("PriceSyncTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%PRICE_SYNC_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
