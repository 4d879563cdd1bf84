package io.github.d365bridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

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
 * The host's {@code newBatchThreshold}, against real Azurite: a pump fetches the next batch while a slow
 * message is still being handled, so the rest of its queue does not wait for it, and the slow message,
 * kept invisible past its processing timeout, runs once.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class QueuePrefetchTest {

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
    void otherMessagesAreHandledWhileASlowOneRunsAndTheSlowOneRunsOnce() {
        Duration processingTimeout = Duration.ofSeconds(2);
        queue.startPump(4, OptionalInt.of(2), processingTimeout);
        String slow = SlowQueueFixture.key("slow");
        queue.hold(slow);
        queue.send(slow, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> handler.isRunning(slow));

        // A pump that waited for its whole batch would handle none of these until the slow one is done.
        List<String> fast = IntStream.range(0, 20).mapToObj(i -> SlowQueueFixture.key("fast" + i)).toList();
        fast.forEach(key -> queue.send(key, 0));
        await("the fast messages handled while the slow one runs").atMost(Duration.ofSeconds(20))
                .until(() -> fast.stream().allMatch(handler::hasFinished));
        assertThat(handler.isRunning(slow)).as("the slow message is still being handled").isTrue();

        // Three processing timeouts: without renewal it would have become visible and been received again.
        await("the slow message invisible and delivered once").during(processingTimeout.multipliedBy(3))
                .atMost(processingTimeout.multipliedBy(4))
                .until(() -> queue.visibleMessages() == 0 && handler.deliveries(slow).size() == 1);
        handler.release(slow);
        await("the slow message handled and deleted").atMost(Duration.ofSeconds(10))
                .until(() -> handler.hasFinished(slow) && queue.messagesLeft() == 0);

        assertThat(handler.deliveries(slow)).singleElement().extracting(Delivery::dequeueCount).isEqualTo(1L);
        assertThat(handler.ranConcurrently(slow)).isFalse();
        assertThat(fast).allSatisfy(key -> assertThat(handler.deliveries(key)).hasSize(1));
    }
}
