package io.github.d365bridge.sandbox.commerce.http;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How long a store takes to serve one call: a fixed part (bootstrapping PHP, routing, auth, the
 * answer) plus a part per item for calls that carry a list (a bulk's elements, a price or source-item
 * array). Served while holding one of the store's PHP workers, see {@link WorkerPool}.
 * <p>
 * With {@code doublingItems} the part per item grows with the size of the call: each item costs
 * {@code perItem × (1 + items ÷ doublingItems)}, so a call of {@code doublingItems} items costs twice as much per
 * item as a call of one. That is how saving MSI source items behaves in the field (2,000 items ≈ 60 s in
 * production, 11–15 s in a lab, against a few hundred ms for 20).
 */
public record Latency(Duration fixed, Duration perItem, int doublingItems) {

    public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    public Latency {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(perItem, "perItem");
        if (fixed.isNegative() || perItem.isNegative() || doublingItems < 0) {
            throw new IllegalArgumentException("latency parts must be zero or positive");
        }
    }

    /** A cost linear in the items. */
    public Latency(Duration fixed, Duration perItem) {
        this(fixed, perItem, 0);
    }

    public static Latency of(long fixedMillis, long perItemMicros) {
        return new Latency(Duration.ofMillis(fixedMillis), Duration.ofNanos(perItemMicros * 1000));
    }

    /** The delay for a call with {@code items} items, in whole milliseconds (at least 1 when not zero). */
    public long millis(int items) {
        int n = Math.max(0, items);
        double growth = doublingItems == 0 ? 1 : 1 + (double) n / doublingItems;
        long nanos = fixed.toNanos() + (long) (perItem.toNanos() * n * growth);
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
