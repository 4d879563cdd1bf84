package io.github.d365bridge.flow.dmf;

import java.time.Duration;

/**
 * When to ask D365 again about a running DMF job: a quarter of the time the job has run so far, but
 * never sooner than the first-check delay (5 s) and never later than the cap (60 s). A doubling backoff
 * (5, 10, 20, 40 s) noticed a 15 s job only after 35 s; growing with the job's age notices it after 20 s
 * and overshoots any job by at most a quarter of its run time (or the 5 s floor, or the cap), while a
 * 30-minute job still costs only a few dozen status calls.
 */
public final class DmfCheckSchedule {

    private final Duration first;
    private final Duration cap;

    public DmfCheckSchedule(Duration first, Duration cap) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first check delay <= max check delay, got " + first + " / " + cap);
        }
        this.first = first;
        this.cap = cap;
    }

    /** The wait before the next check of a job that has been running for {@code running}. */
    public Duration nextDelay(Duration running) {
        Duration proportional = running.isNegative() ? Duration.ZERO : running.dividedBy(4);
        if (proportional.compareTo(first) < 0) {
            return first;
        }
        return proportional.compareTo(cap) > 0 ? cap : proportional;
    }
}
