package io.github.d365bridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.config.RuntimeConfig;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.CrashTestHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * At-least-once across a crash: a pump killed after its handler ran but before the delete must not lose
 * the message; a new pump gets it again, with the next dequeue count.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class CrashRedeliveryTest {

    private static final String QUEUE = "test-crash";

    @Inject
    StandaloneRuntime runtime;
    @Inject
    QueueDispatcher dispatcher;
    @Inject
    StorageAccount storage;
    @Inject
    QueuePublisher publisher;
    @Inject
    RuntimeConfig config;
    @Inject
    CrashTestHandler handler;

    @Test
    void messageHandledButNotDeletedBeforeACrashIsDeliveredAgain() throws Exception {
        // Take this queue away from the runtime so the test controls the pumps.
        runtime.pumps().stream().filter(p -> p.queue().equals(QUEUE)).forEach(p -> p.stop(Duration.ofSeconds(5)));
        handler.holdNext();
        publisher.send(QUEUE, MessageEnvelope.of("test.crash", "corr-crash", Json.mapper().createObjectNode()));

        QueuePump first = new QueuePump(QUEUE, storage.queue(QUEUE), dispatcher, config.queues()).start();
        assertThat(handler.awaitEntered()).isTrue();
        first.halt();          // the process dies while the handler is running...
        handler.release();     // ...the handler's work completes, but nobody deletes the message

        try (QueuePump second = new QueuePump(QUEUE, storage.queue(QUEUE), dispatcher, config.queues()).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.deliveries().size() >= 2);
            assertThat(handler.deliveries()).extracting(Delivery::dequeueCount).containsExactly(1L, 2L);
            assertThat(handler.deliveries().get(0).messageId()).isEqualTo(handler.deliveries().get(1).messageId());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> storage.queue(QUEUE).getProperties().getApproximateMessagesCount() == 0);
        }
    }
}
