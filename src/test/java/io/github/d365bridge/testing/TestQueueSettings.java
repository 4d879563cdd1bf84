package io.github.d365bridge.testing;

import java.time.Duration;
import java.util.OptionalInt;

import io.github.d365bridge.config.RuntimeConfig;

/**
 * Pump settings for a test that runs its own {@link io.github.d365bridge.runtime.QueuePump}: the batch, the
 * threshold and the processing timeout as the test needs them, the rest quick as in the test profile.
 */
public record TestQueueSettings(int batchSize, OptionalInt newBatchThreshold, Duration processingTimeout)
        implements RuntimeConfig.Queues {

    @Override
    public int maxDequeueCount() {
        return 5;
    }

    @Override
    public Duration visibilityTimeout() {
        return Duration.ZERO;
    }

    @Override
    public Duration maxPollingInterval() {
        return Duration.ofMillis(500);
    }

    @Override
    public Duration minPollingInterval() {
        return Duration.ofMillis(100);
    }
}
