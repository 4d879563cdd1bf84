package io.github.d365bridge.sandbox.commerce.http;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How long a store takes to serve one call: a fixed part (bootstrapping PHP, routing, auth, the
 * answer) plus a part per item for calls that carry a list (a bulk's elements, a price or source-item
 * array). Served while holding one of the store's PHP workers, see {@link WorkerPool}.
 */
public record Latency(Duration fixed, Duration perItem) {

    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    public Latency {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(perItem, "perItem");
        if (fixed.isNegative() || perItem.isNegative()) {
            throw new IllegalArgumentException("latency parts must be zero or positive");
        }
    }

    public static Latency of(long fixedMillis, long perItemMicros) {
        return new Latency(Duration.ofMillis(fixedMillis), Duration.ofNanos(perItemMicros * 1000));
    }

    /** The delay for a call with {@code items} items, in whole milliseconds (at least 1 when not zero). */
    public long millis(int items) {
        long nanos = fixed.toNanos() + perItem.toNanos() * Math.max(0, items);
        if (nanos <= 0) {
            return 0;
        }
        return Math.max(1, (nanos + 500_000) / 1_000_000);
    }

    /**
     * The items of a request body: the elements of a top-level array (an async bulk), else of the only
     * member when that is an array ({@code {"prices":[…]}}, {@code {"sourceItems":[…]}}); 0 for a body
     * about one record, which costs the fixed part only.
     */
    public static int items(JsonNode body) {
        if (body == null) {
            return 0;
        }
        if (body.isArray()) {
            return body.size();
        }
        if (body.isObject() && body.size() == 1) {
            JsonNode only = body.elements().next();
            return only.isArray() ? only.size() : 0;
        }
        return 0;
    }
}
