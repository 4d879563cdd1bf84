package io.github.d365bridge.client.core;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ErrorClassifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * The small in-call retry of one client (architecture §7.7: redelivery through the queue is the outer
 * retry, so this one is bounded in attempts and in total time). Retriable failures, as decided by the
 * {@link ErrorClassifier}, are retried with exponential backoff and jitter; a 429 closes the client's
 * {@link ThrottleGate} for the {@code Retry-After} the service asked for (or the default wait).
 */
public final class RetryPolicy {

    private static final Logger LOG = Logger.getLogger(RetryPolicy.class);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxTotal;
    private final Duration defaultThrottleWait;
    private final ThrottleGate gate;
    private final Clock clock;

    public RetryPolicy(RetryOptions options, ThrottleGate gate, Clock clock) {
        this.maxAttempts = options.maxAttempts();
        this.baseDelay = options.baseDelay();
        this.maxDelay = options.maxDelay();
        this.maxTotal = options.maxTotal();
        this.defaultThrottleWait = options.defaultThrottleWait();
        this.gate = gate;
        this.clock = clock;
    }

    /** Runs {@code call}, retrying retriable failures within the attempt and time budget. */
    public <T> T execute(String operation, Supplier<T> call) {
        Instant deadline = clock.instant().plus(maxTotal);
        for (int attempt = 1;; attempt++) {
            gate.awaitOpen();
            try {
                return call.get();
            } catch (RuntimeException failure) {
                if (!ErrorClassifier.isRetriable(failure) || attempt >= maxAttempts) {
                    throw failure;
                }
                Duration wait = waitBefore(attempt + 1, failure);
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw failure;
                }
                LOG.warnf("%s failed (attempt %d of %d), retrying in %d ms: %s", operation, attempt, maxAttempts,
                        wait.toMillis(), failure.getMessage());
                pause(wait, failure);
            }
        }
    }

    private Duration waitBefore(int nextAttempt, RuntimeException failure) {
        if (failure instanceof BridgeException bridge && bridge.httpStatus() == 429) {
            Duration wait = bridge.retryAfter().orElse(defaultThrottleWait);
            gate.closeFor(wait);
            return wait;
        }
        long exponential = baseDelay.toMillis() << Math.min(nextAttempt - 2, 20);
        long capped = Math.min(exponential, maxDelay.toMillis());
        // Full jitter: callers that failed together do not come back together.
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void pause(Duration wait, RuntimeException failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    /**
     * The knobs of one client's retry.
     *
     * @param maxAttempts         calls in total, the first included
     * @param baseDelay           wait before the second attempt (doubles after)
     * @param maxDelay            longest wait between two attempts
     * @param maxTotal            no retry starts after this much time since the first attempt
     * @param defaultThrottleWait wait after a 429 without {@code Retry-After}
     */
    public record RetryOptions(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotal,
            Duration defaultThrottleWait) {
    }
}
