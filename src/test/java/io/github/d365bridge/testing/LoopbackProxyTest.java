package io.github.d365bridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;

import io.github.d365bridge.storage.StorageAccount;

/** Storage through the proxy works as direct storage does, and an outage window cuts it off and ends. */
class LoopbackProxyTest {

    @Test
    void copiesBytesUntilTheOutageThenRefusesUntilItEnds() {
        StorageAccount direct = TestAzurite.storage();
        int queuePort = java.net.URI.create(direct.queueService().getQueueServiceUrl()).getPort();
        try (LoopbackProxy proxy = LoopbackProxy.to(queuePort)) {
            String via = direct.connectionString().replace("127.0.0.1:" + queuePort, "127.0.0.1:" + proxy.port());
            QueueClient queue = new QueueClientBuilder().connectionString(via).queueName(TestAzurite.uniqueName("proxy"))
                    // one attempt per call, so the test sees the outage instead of the SDK's retries
                    .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(0)))
                    .buildClient();
            queue.create();
            queue.sendMessage("before");
            assertThat(queue.getProperties().getApproximateMessagesCount()).isEqualTo(1);

            proxy.outage(Instant.now(), Duration.ofMillis(1500));
            await().atMost(Duration.ofSeconds(2)).until(proxy::down);
            assertThatThrownBy(() -> queue.sendMessage("during")).isInstanceOf(RuntimeException.class);
            assertThat(proxy.resetConnections()).isPositive();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> queue.sendMessage("after") != null);
            List<String> texts = queue.receiveMessages(10).stream().map(m -> m.getBody().toString()).toList();
            assertThat(texts).contains("before", "after").doesNotContain("during");
        }
    }
}
