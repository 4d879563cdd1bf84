package io.github.d365bridge.client.core;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Client-wide pause after throttling. A 429 tells us the service is overloaded for this caller, not
 * for this one request: every thread of the client waits until the pause is over instead of each
 * retrying on its own schedule (retried requests get no priority, so a storm only makes it worse).
 */
public final class ThrottleGate {

    private final Clock clock;
    private final AtomicReference<Instant> closedUntil;

    public ThrottleGate(Clock clock) {
        this.clock = clock;
        this.closedUntil = new AtomicReference<>(Instant.MIN);
    }

    /** Closes the gate for at least {@code wait} from now (never shortens a longer pause). */
    public void closeFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        closedUntil.accumulateAndGet(until, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
    }

    /** Blocks until the gate is open. */
    public void awaitOpen() {
        while (true) {
            Duration remaining = Duration.between(clock.instant(), closedUntil.get());
            if (remaining.isNegative() || remaining.isZero()) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, remaining.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BridgeException(ExternalSystem.BRIDGE, "Interrupted while waiting out throttling", e);
            }
        }
    }

    /** How long the gate stays closed from now (zero when open); for metrics and tests. */
    public Duration remaining() {
        Duration remaining = Duration.between(clock.instant(), closedUntil.get());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }
}
