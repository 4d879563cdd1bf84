package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.flow.housekeeping.HousekeepingScheduleHandler;

/** Timer adapter: plans the housekeeping sweeps on the {@code HOUSEKEEPING_SCHEDULE} app setting. */
public class HousekeepingTimerFunction {

    @Inject
    HousekeepingScheduleHandler handler;

    @FunctionName("HousekeepingTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%HOUSEKEEPING_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
