package io.github.d365bridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a sandboxed system is down: from a start instant for a duration, every connection and request is
 * dropped without an answer, as a crashed host or a failed load balancer does. A test scales the window
 * down (seconds instead of hours); nothing else differs from a long outage, so the same code path runs.
 * Each refused connection or request is counted in the tally under {@code outage}.
 */
public final class OutageWindow {

    public static final String KIND = "outage";

    private final Clock clock;
    private final FaultTally tally;
    private volatile Instant from = Instant.MAX;
    private volatile Instant until = Instant.MAX;

    public OutageWindow(Clock clock, FaultTally tally) {
        this.clock = clock;
        this.tally = tally;
    }

    /** Down from {@code start} for {@code length}; replaces an earlier window. */
    public void schedule(Instant start, Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("an outage lasts a positive time, was " + length);
        }
        until = start.plus(length);
        from = start;
    }

    /** Down from now for {@code length}. */
    public void startNow(Duration length) {
        schedule(clock.instant(), length);
    }

    public void clear() {
        from = Instant.MAX;
        until = Instant.MAX;
    }

    public boolean active() {
        Instant now = clock.instant();
        return !now.isBefore(from) && now.isBefore(until);
    }

    /** True (and counted) when this connection or request must be dropped now. */
    public boolean refuse() {
        if (!active()) {
            return false;
        }
        tally.count(KIND);
        return true;
    }
}
