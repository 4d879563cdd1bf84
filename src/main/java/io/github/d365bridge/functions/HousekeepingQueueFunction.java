package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;

/** Queue adapter: one housekeeping sweep batch per message on the {@code HOUSEKEEPING_QUEUE} queue. */
public class HousekeepingQueueFunction {

    @Inject
    QueueTriggerAdapter adapter;

    @ConfigProperty(name = "HOUSEKEEPING_QUEUE")
    String queue;

    @FunctionName("HousekeepingSweep")
    public void run(
            @QueueTrigger(name = "message", queueName = "%HOUSEKEEPING_QUEUE%", connection = "AzureWebJobsStorage")
            String message,
            @BindingName("Id") String id,
            @BindingName("DequeueCount") Long dequeueCount,
            @BindingName("InsertionTime") String insertionTime,
            ExecutionContext context) {
        adapter.deliver(queue, message, id, dequeueCount, insertionTime);
    }
}
