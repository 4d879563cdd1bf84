package io.github.d365bridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.testing.LoopbackProxy;
import io.github.d365bridge.testing.TestAzurite;

/**
 * A queue whose creation failed because Storage was down at its first use is created on the next use,
 * not taken for done (every later write would then go to a queue that does not exist).
 */
class CreationRetriedAfterOutageTest {

    @Test
    void aQueueWhoseCreationFailedInAnOutageIsCreatedOnTheNextUse() {
        StorageAccount direct = TestAzurite.storage();
        int queuePort = URI.create(direct.queueService().getQueueServiceUrl()).getPort();
        try (LoopbackProxy proxy = LoopbackProxy.to(queuePort)) {
            // one try per call, so the call meets the outage instead of the SDK's retries outlasting it
            StorageAccount storage = new StorageAccount(direct.connectionString()
                    .replace("127.0.0.1:" + queuePort, "127.0.0.1:" + proxy.port()), new QueueRetry(1, Optional.empty()));
            String name = TestAzurite.uniqueName("created-after-outage");

            // down until the failed creation was seen (however slow this machine), then back up
            proxy.outage(Instant.now(), Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(2)).until(proxy::down);
            assertThatThrownBy(() -> storage.queue(name)).isInstanceOf(RuntimeException.class);
            proxy.outage(Instant.now(), Duration.ZERO);
            assertThat(proxy.down()).isFalse();

            storage.queue(name).sendMessage("after the outage");
            assertThat(direct.queue(name).getProperties().getApproximateMessagesCount()).isEqualTo(1);
        }
    }
}
