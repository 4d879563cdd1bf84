package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.flow.inventory.InventorySyncTimerHandler;
import io.github.d365bridge.ground.Correlation;

/** Timer adapter: starts (or resumes) the inventory sync on the {@code INVENTORY_SYNC_SCHEDULE} app setting. */
public class InventorySyncTimerFunction {

    @Inject
    InventorySyncTimerHandler handler;

    @FunctionName("InventorySyncTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%INVENTORY_SYNC_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
