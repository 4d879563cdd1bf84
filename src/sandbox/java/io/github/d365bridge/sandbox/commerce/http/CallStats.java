package io.github.d365bridge.sandbox.commerce.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * REST calls by route key ({@code POST /V1/customers}, {@code GET /V1/customers/search},
 * {@code POST /async/bulk/V1/customers}), told apart as reads (GET) and writes (POST, PUT, DELETE,
 * PATCH), with the items their bodies carried (see {@link Latency#items}): what a benchmark needs to
 * report calls per synced record from what the store saw. Faulted calls count too; calls that match
 * no route count under {@link #NO_ROUTE}.
 */
public final class CallStats {

    public static final String NO_ROUTE = "(no route)";

    /** One route's tally. */
    public record Count(boolean write, long calls, long items) {
    }

    private final Map<String, Tally> routes = new ConcurrentHashMap<>();

    private static final class Tally {
        final boolean write;
        final LongAdder calls = new LongAdder();
        final LongAdder items = new LongAdder();

        Tally(boolean write) {
            this.write = write;
        }
    }

    public static boolean isWrite(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    void record(String method, String routeKey, int items) {
        Tally tally = routes.computeIfAbsent(routeKey, k -> new Tally(isWrite(method)));
        tally.calls.increment();
        tally.items.add(items);
    }

    /** Every route, sorted by key. */
    public Map<String, Count> snapshot() {
        Map<String, Count> copy = new TreeMap<>();
        routes.forEach((key, t) -> copy.put(key, new Count(t.write, t.calls.sum(), t.items.sum())));
        return copy;
    }

    /** Write calls per route. */
    public Map<String, Long> writes() {
        return calls(true);
    }

    /** Read calls per route. */
    public Map<String, Long> reads() {
        return calls(false);
    }

    public long totalWrites() {
        return writes().values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalReads() {
        return reads().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls of one route key, 0 when it was never called. */
    public long calls(String routeKey) {
        Tally tally = routes.get(routeKey);
        return tally == null ? 0 : tally.calls.sum();
    }

    /** Items the calls of one route key carried. */
    public long items(String routeKey) {
        Tally tally = routes.get(routeKey);
        return tally == null ? 0 : tally.items.sum();
    }

    public void reset() {
        routes.clear();
    }

    private Map<String, Long> calls(boolean write) {
        Map<String, Long> copy = new TreeMap<>();
        routes.forEach((key, t) -> {
            if (t.write == write) {
                copy.put(key, t.calls.sum());
            }
        });
        return copy;
    }
}
