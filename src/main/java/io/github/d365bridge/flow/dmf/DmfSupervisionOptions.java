package io.github.d365bridge.flow.dmf;

import java.time.Duration;

/**
 * @param firstCheckDelay wait before the first status check (5 s in production)
 * @param maxCheckDelay   the backoff cap between checks (60 s in production)
 * @param jobTimeout      how long a job may run before it counts as stuck (also how long it holds the lock)
 */
public record DmfSupervisionOptions(Duration firstCheckDelay, Duration maxCheckDelay, Duration jobTimeout) {
}
