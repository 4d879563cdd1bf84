package io.github.d365bridge.config;

import java.time.Duration;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How handlers are driven. On Azure Functions the host drives them and {@link #standalone()} is off;
 * in the local run and in containers the standalone runtime reproduces the host's queue semantics
 * with the same numbers as {@code host.json}.
 */
@ConfigMapping(prefix = "bridge.runtime")
public interface RuntimeConfig {

    /** Run timers and queue pumps inside this process (off under the Functions host). */
    @WithDefault("true")
    boolean standalone();

    Queues queues();

    /** Redelivery of messages whose handler failed in a way that may pass (an outage, throttling). */
    Retry retry();

    /**
     * Queues the standalone runtime does not pump (their messages wait): to hold a step during an
     * incident, or for tests that read a queue themselves. Timers and other queues keep running.
     */
    java.util.Optional<java.util.List<String>> pausedQueues();

    /** How the standalone timers share their occurrences between instances. */
    Timers timers();

    interface Queues {
        /** Messages fetched per poll (host.json {@code batchSize}; at most 32). */
        @WithDefault("16")
        int batchSize();

        /**
         * Messages still being handled at which the next batch is fetched (host.json
         * {@code newBatchThreshold}); empty means the host's default, half the batch size. A slow handler
         * then holds one worker, not the whole queue; at most batch size plus this many run at once.
         * 0 waits for the whole batch.
         */
        OptionalInt newBatchThreshold();

        /** Deliveries before a message moves to {@code <queue>-poison} (host.json {@code maxDequeueCount}). */
        @WithDefault("5")
        int maxDequeueCount();

        /** Delay before a failed message becomes visible again (host.json {@code visibilityTimeout}). */
        @WithDefault("PT10S")
        Duration visibilityTimeout();

        /**
         * Longest wait between polls of an empty queue (host.json {@code maxPollingInterval}). 2 s, not the
         * host's 1 min default: DMF status checks and retries are delayed messages, so their queues look
         * empty between them, and a 1 min back-off would add up to a minute to every check (polling costs
         * a few hundred thousand storage transactions a day, a few cents).
         */
        @WithDefault("PT2S")
        Duration maxPollingInterval();

        /** Shortest wait between polls of an empty queue; doubles up to the maximum. */
        @WithDefault("PT0.1S")
        Duration minPollingInterval();

        /**
         * How long a received message stays invisible; renewed every half of it while its handler runs
         * (as the host does), so this is the delay after which the message of a worker that died comes
         * back, not a limit on how long a handler may take.
         */
        @WithDefault("PT5M")
        Duration processingTimeout();
    }

    /**
     * Each occurrence of a timer runs on one instance only when several standalone instances share a storage
     * account, as the host's timer singleton does: the instance that takes the timer's blob lease runs the
     * occurrence and records it on the lock blob; the others skip it.
     */
    interface Timers {
        /**
         * How long the lease of a running occurrence lasts (15-60 s, renewed every third of it while the
         * occurrence runs): the longest a timer stays blocked after the instance running it died.
         */
        @WithDefault("PT15S")
        Duration leaseDuration();
    }

    /**
     * A retriable failure puts the message back with a growing delay (a new copy, so it works the same
     * under the Functions host, whose own redelivery has a fixed delay and poisons after five tries,
     * i.e. within a minute or two of an outage). The defaults span about 80 minutes, so an outage of
     * D365, Commerce or Storage of half an hour poisons nothing.
     */
    interface Retry {
        /**
         * Delay before the first retry; doubles with each retry up to {@link #maxDelay()}. Storage queues
         * count visibility delays in whole seconds, so fractions are dropped.
         */
        @WithDefault("PT10S")
        Duration initialDelay();

        @WithDefault("PT5M")
        Duration maxDelay();

        /** Retries of one message before it is poisoned (20 with the default delays: about 80 minutes). */
        @WithDefault("20")
        int maxRetries();
    }
}
