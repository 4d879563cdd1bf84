package io.github.d365bridge.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.SlowTestHandler;
import io.github.d365bridge.testing.TestQueueSettings;

/**
 * The queue of {@link SlowTestHandler} (paused in the runtime) with pumps a test starts itself, as many as
 * it wants, like several instances on one storage account; {@link #close()} releases held handlers and
 * stops the pumps.
 */
final class SlowQueueFixture implements AutoCloseable {

    static final String QUEUE = "test-slow";

    private final StorageAccount storage;
    private final QueueDispatcher dispatcher;
    private final QueuePublisher publisher;
    private final SlowTestHandler handler;
    private final List<QueuePump> pumps = new ArrayList<>();
    private final List<String> held = new ArrayList<>();

    SlowQueueFixture(StorageAccount storage, QueueDispatcher dispatcher, QueuePublisher publisher,
            SlowTestHandler handler) {
        this.storage = storage;
        this.dispatcher = dispatcher;
        this.publisher = publisher;
        this.handler = handler;
        storage.queue(QUEUE).clearMessages(); // nothing left over from an earlier test
    }

    QueuePump startPump(int batchSize, OptionalInt newBatchThreshold, Duration processingTimeout) {
        QueuePump pump = new QueuePump(QUEUE, storage.queue(QUEUE), dispatcher,
                new TestQueueSettings(batchSize, newBatchThreshold, processingTimeout)).start();
        pumps.add(pump);
        return pump;
    }

    /** A business key no other test uses. */
    static String key(String name) {
        return name + "-" + Long.toHexString(System.nanoTime());
    }

    void send(String key, long holdMillis) {
        publisher.send(QUEUE, MessageEnvelope.of("test.slow", "corr-" + key,
                Json.mapper().createObjectNode().put("holdMillis", holdMillis)).withBusinessKey("usmf", key));
    }

    /** The next delivery of {@code key} waits in the handler until this fixture closes or releases it. */
    void hold(String key) {
        held.add(key);
        handler.hold(key);
    }

    /** Messages a receive would get now (invisible ones are not counted). */
    int visibleMessages() {
        int[] count = {0};
        storage.queue(QUEUE).peekMessages(32, null, null).forEach(m -> count[0]++);
        return count[0];
    }

    /** Every message of the queue, invisible ones too: 0 once all were deleted. */
    int messagesLeft() {
        return storage.queue(QUEUE).getProperties().getApproximateMessagesCount();
    }

    void clear() {
        storage.queue(QUEUE).clearMessages();
    }

    @Override
    public void close() {
        held.forEach(handler::release);
        pumps.forEach(pump -> pump.stop(Duration.ofSeconds(5)));
    }
}
