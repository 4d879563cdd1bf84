package io.github.d365bridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.SlowTestHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A message stays invisible while its handler runs, however long that takes, as under the Functions host;
 * against real Azurite, with a second pump on the queue as a second instance would be.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class VisibilityRenewalTest {

    private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    StorageAccount storage;
    @Inject
    QueueDispatcher dispatcher;
    @Inject
    QueuePublisher publisher;
    @Inject
    SlowTestHandler handler;

    private SlowQueueFixture queue;

    @BeforeEach
    void openQueue() {
        queue = new SlowQueueFixture(storage, dispatcher, publisher, handler);
    }

    @AfterEach
    void closeQueue() {
        queue.close();
    }

    @Test
    void handlerThreeTimesLongerThanTheProcessingTimeoutRunsOnceAndItsMessageIsDeleted() {
        queue.startPump(16, OptionalInt.empty(), PROCESSING_TIMEOUT);
        queue.startPump(16, OptionalInt.empty(), PROCESSING_TIMEOUT);
        String key = SlowQueueFixture.key("long");
        queue.send(key, PROCESSING_TIMEOUT.multipliedBy(3).toMillis());
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.isRunning(key));

        // Either pump would receive it again within 2 s of a lapse, and a peek would see it.
        await("the message invisible and delivered once").during(PROCESSING_TIMEOUT.multipliedBy(2))
                .atMost(PROCESSING_TIMEOUT.multipliedBy(3))
                .until(() -> queue.visibleMessages() == 0 && handler.deliveries(key).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.hasFinished(key));
        // Deleted with the receipt of the last renewal (the first one no longer works).
        await("the message deleted").atMost(Duration.ofSeconds(5)).until(() -> queue.messagesLeft() == 0);

        assertThat(handler.deliveries(key)).singleElement().extracting(Delivery::dequeueCount).isEqualTo(1L);
        assertThat(handler.ranConcurrently(key)).isFalse();
    }

    @Test
    void messageDeletedWhileItsHandlerRunsStopsTheRenewalAndThePumpGoesOn() {
        queue.startPump(16, OptionalInt.empty(), PROCESSING_TIMEOUT);
        String gone = SlowQueueFixture.key("gone");
        queue.hold(gone);
        queue.send(gone, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.isRunning(gone));
        String messageId = handler.deliveries(gone).get(0).messageId();

        queue.clear(); // deleted behind the handler's back: the next renewal finds no message
        await("the failed renewal logged").atMost(Duration.ofSeconds(10))
                .until(() -> log().contains("Message " + messageId + " on " + SlowQueueFixture.QUEUE + " is no longer ours"));
        handler.release(gone);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.hasFinished(gone));

        String next = SlowQueueFixture.key("next");
        queue.send(next, 0);
        await("the next message handled and deleted").atMost(Duration.ofSeconds(10))
                .until(() -> handler.hasFinished(next) && queue.messagesLeft() == 0);
        assertThat(handler.deliveries(gone)).hasSize(1);
        assertThat(handler.deliveries(next)).hasSize(1);
    }

    private static String log() throws IOException {
        return Files.readString(Path.of(BridgeTestProfile.LOG_FILE));
    }
}
