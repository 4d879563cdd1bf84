package io.github.d365bridge.storage;

import java.time.Duration;
import java.util.Optional;

import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;

/**
 * How often and how long a queue client tries one Storage operation before it gives up. The default is
 * the Azure SDK's own (4 tries, exponential back-off, no per-try timeout), which is what the bridge has
 * always used; a webhook intake that must answer its sender quickly can lower it, so that a Storage
 * outage gives the sender a prompt 503 (and a retry) instead of a request that hangs.
 *
 * @param maxTries   tries per operation, the first included
 * @param tryTimeout limit of one try; empty: the SDK's (none in practice)
 */
public record QueueRetry(int maxTries, Optional<Duration> tryTimeout) {

    /** The Azure SDK's default retry: what every queue client used before this option existed. */
    public static final QueueRetry SDK_DEFAULT = new QueueRetry(4, Optional.empty());

    public QueueRetry {
        if (maxTries < 1) {
            throw new IllegalArgumentException("maxTries must be at least 1, got " + maxTries);
        }
        if (tryTimeout.isPresent() && (tryTimeout.get().isNegative() || tryTimeout.get().toMillis() < 1_000)) {
            throw new IllegalArgumentException("tryTimeout must be at least 1 second (the SDK counts whole seconds)");
        }
    }

    RequestRetryOptions toOptions() {
        return new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, maxTries, tryTimeout.orElse(null), null, null, null);
    }
}
