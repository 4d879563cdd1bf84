package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;

/** Queue adapter: the status check of a running DMF job, one message each on {@code DMF_STATUS_QUEUE}. */
public class DmfStatusCheckFunction {

    @Inject
    QueueTriggerAdapter adapter;

    @ConfigProperty(name = "DMF_STATUS_QUEUE")
    String queue;

    @FunctionName("DmfStatusCheck")
    public void run(
            @QueueTrigger(name = "message", queueName = "%DMF_STATUS_QUEUE%", connection = "AzureWebJobsStorage")
            String message,
            @BindingName("Id") String id,
            @BindingName("DequeueCount") Long dequeueCount,
            @BindingName("InsertionTime") String insertionTime,
            ExecutionContext context) {
        adapter.deliver(queue, message, id, dequeueCount, insertionTime);
    }
}
