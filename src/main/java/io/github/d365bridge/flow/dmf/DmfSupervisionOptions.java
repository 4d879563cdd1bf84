package io.github.d365bridge.flow.dmf;

import java.time.Duration;

/**
 * @param firstCheckDelay wait before the first status check (5 s in production)
 * @param maxCheckDelay   the backoff cap between checks (60 s in production)
 * @param jobTimeout      how long a job may run before it is overdue (logged, shown, still followed: a late job
 *                        still imports its rows); also how long its data project lock lasts without a check
 * @param notFoundGrace   how long D365 may answer "not found" for an execution the bridge submitted before the
 *                        import counts as never started (its answer was lost before D365 created the job)
 */
public record DmfSupervisionOptions(Duration firstCheckDelay, Duration maxCheckDelay, Duration jobTimeout,
        Duration notFoundGrace) {

    public DmfSupervisionOptions(Duration firstCheckDelay, Duration maxCheckDelay, Duration jobTimeout) {
        this(firstCheckDelay, maxCheckDelay, jobTimeout, Duration.ofMinutes(2));
    }
}
