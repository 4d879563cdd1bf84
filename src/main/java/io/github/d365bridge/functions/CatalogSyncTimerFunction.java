package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

import io.github.d365bridge.flow.catalog.CatalogSyncTimerHandler;
import io.github.d365bridge.ground.Correlation;

/** Timer adapter: starts (or resumes) the catalog sync on the {@code CATALOG_SYNC_SCHEDULE} app setting. */
public class CatalogSyncTimerFunction {

    @Inject
    CatalogSyncTimerHandler handler;

    @FunctionName("CatalogSyncTimer")
    public void run(@TimerTrigger(name = "timer", schedule = "%CATALOG_SYNC_SCHEDULE%") String timerInfo,
            ExecutionContext context) {
        try (Correlation.Scope scope = Correlation.open(context.getInvocationId())) {
            handler.run();
        }
    }
}
