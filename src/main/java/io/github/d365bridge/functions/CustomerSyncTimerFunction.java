package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.flow.customers.sync.CustomerSyncTimerHandler;
import io.github.d365bridge.ground.Correlation;

/** Timer adapter: starts (or resumes) the customer sync on the {@code CUSTOMER_SYNC_SCHEDULE} app setting. */
public class CustomerSyncTimerFunction {

    @Inject
    CustomerSyncTimerHandler handler;

    @FunctionName("CustomerSyncTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%CUSTOMER_SYNC_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
