package io.github.d365bridge.flow.dmf;

import java.time.Duration;

/**
 * When to ask D365 again about a running DMF job: a tenth of the time the job has run so far, but never
 * sooner than a second (or the first-check delay, if that is shorter) and never later than the cap
 * (60 s). The next import of the project cannot start before the bridge has seen this one end, so the
 * overshoot is time the project stands idle: a quarter of the age (5 s floor) saw a 16 s job only after
 * 20 s, a tenth sees it within 1.6 s. That costs status calls, which are cheap next to an idle project:
 * about a dozen for a 15 s job, some seventy for a 30-minute one.
 */
public final class DmfCheckSchedule {

    private static final Duration FLOOR = Duration.ofSeconds(1);
    private static final int FRACTION = 10;

    private final Duration floor;
    private final Duration cap;

    public DmfCheckSchedule(Duration first, Duration cap) {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first check delay <= max check delay, got " + first + " / " + cap);
        }
        this.floor = first.compareTo(FLOOR) < 0 ? first : FLOOR;
        this.cap = cap;
    }

    /** The wait before the next check of a job that has been running for {@code running}. */
    public Duration nextDelay(Duration running) {
        Duration proportional = running.isNegative() ? Duration.ZERO : running.dividedBy(FRACTION);
        if (proportional.compareTo(floor) < 0) {
            return floor;
        }
        return proportional.compareTo(cap) > 0 ? cap : proportional;
    }
}
