package io.github.d365bridge.flow.orders.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;

import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;

/**
 * Reads the intake queue through the project's base64 queue client, the way a consumer would: what it
 * takes is deleted, so each test sees only the messages it caused.
 */
public final class IntakeQueue {

    private final QueueClient queue;

    public IntakeQueue(StorageAccount storage, String name) {
        this.queue = storage.queue(name);
    }

    /** Takes every message currently visible, decoded. */
    public List<MessageEnvelope> take() {
        List<MessageEnvelope> taken = new ArrayList<>();
        while (true) {
            List<QueueMessageItem> batch = queue.receiveMessages(32, Duration.ofSeconds(60), null, null).stream().toList();
            if (batch.isEmpty()) {
                return taken;
            }
            for (QueueMessageItem item : batch) {
                taken.add(EnvelopeCodec.decode(item.getBody().toString()));
                queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
            }
        }
    }

    /** Approximate count of waiting messages, as the service reports it. */
    public int depth() {
        return queue.getProperties().getApproximateMessagesCount();
    }
}
