package io.github.d365bridge.sandbox.commerce.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault injection rule.
 *
 * @param route             {@code *} for every REST call, or a route key such as {@code GET /V1/orders}
 *                          (method and contract template), or a template alone for any method
 * @param percent           share of matching calls hit, 0-100, drawn from the sandbox's seeded random
 * @param times             how many calls at most this rule may hit; negative for no limit
 * @param latency           added before answering (or before running the call, for {@code LATENCY})
 * @param retryAfterSeconds sent as {@code Retry-After} on 429/503 when not null
 */
public record FaultRule(String route, FaultKind kind, int percent, int times, Duration latency, Integer retryAfterSeconds) {

    public FaultRule {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(kind, "kind");
        latency = latency == null ? Duration.ZERO : latency;
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0-100");
        }
    }

    public static FaultRule always(String route, FaultKind kind) {
        return new FaultRule(route, kind, 100, -1, Duration.ZERO, null);
    }

    public static FaultRule next(int times, String route, FaultKind kind) {
        return new FaultRule(route, kind, 100, times, Duration.ZERO, null);
    }

    public FaultRule withRetryAfter(Integer seconds) {
        return new FaultRule(route, kind, percent, times, latency, seconds);
    }

    public FaultRule withLatency(Duration value) {
        return new FaultRule(route, kind, percent, times, value, retryAfterSeconds);
    }

    public FaultRule withPercent(int value) {
        return new FaultRule(route, kind, value, times, latency, retryAfterSeconds);
    }

    boolean appliesTo(String routeKey) {
        if (route.equals("*")) {
            return true;
        }
        return route.equals(routeKey) || routeKey.endsWith(" " + route);
    }
}
