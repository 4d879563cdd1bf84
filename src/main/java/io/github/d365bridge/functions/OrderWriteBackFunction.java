package io.github.d365bridge.functions;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;

/** Queue adapter: the write-back of the D365 number to Commerce, one message each on {@code ORDER_WRITEBACK_QUEUE}. */
public class OrderWriteBackFunction {

    @Inject
    QueueTriggerAdapter adapter;

    @ConfigProperty(name = "ORDER_WRITEBACK_QUEUE")
    String queue;

    @FunctionName("OrderWriteBack")
    public void run(
            @QueueTrigger(name = "message", queueName = "%ORDER_WRITEBACK_QUEUE%", connection = "AzureWebJobsStorage")
            String message,
            @BindingName("Id") String id,
            @BindingName("DequeueCount") Long dequeueCount,
            @BindingName("InsertionTime") String insertionTime,
            ExecutionContext context) {
        adapter.deliver(queue, message, id, dequeueCount, insertionTime);
    }
}
