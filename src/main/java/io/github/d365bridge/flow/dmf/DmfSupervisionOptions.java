package io.github.d365bridge.flow.dmf;

import java.time.Duration;

/**
 * @param firstCheckDelay wait before the first status check (5 s in production)
 * @param maxCheckDelay   the backoff cap between checks (60 s in production)
 * @param jobTimeout      how long a job may run before it is overdue (logged, shown, still followed: a late job
 *                        still imports its rows); its data project lock is extended while it is followed
 * @param notFoundGrace   how long D365 may answer "not found", after the import call returned, before the
 *                        import counts as never started
 * @param submitBudget    how long one ImportFromPackage call may take with the client's retries (request
 *                        timeout × attempts): a process that died inside it may still have reached D365, so the
 *                        grace of a job without a recorded submission starts only after this
 */
public record DmfSupervisionOptions(Duration firstCheckDelay, Duration maxCheckDelay, Duration jobTimeout,
        Duration notFoundGrace, Duration submitBudget) {

    public DmfSupervisionOptions(Duration firstCheckDelay, Duration maxCheckDelay, Duration jobTimeout) {
        this(firstCheckDelay, maxCheckDelay, jobTimeout, Duration.ofMinutes(2), Duration.ofMinutes(7));
    }
}
