package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;

/** Queue adapter: one step (a page, or the removal step) of a D365 → Commerce sync run, on {@code SYNC_QUEUE}. */
public class SyncStepFunction {

    @Inject
    QueueTriggerAdapter adapter;

    @ConfigProperty(name = "SYNC_QUEUE")
    String queue;

    @FunctionName("SyncStep")
    public void run(
            @QueueTrigger(name = "message", queueName = "%SYNC_QUEUE%", connection = "AzureWebJobsStorage")
            String message,
            @BindingName("Id") String id,
            @BindingName("DequeueCount") Long dequeueCount,
            @BindingName("InsertionTime") String insertionTime,
            ExecutionContext context) {
        adapter.deliver(queue, message, id, dequeueCount, insertionTime);
    }
}
