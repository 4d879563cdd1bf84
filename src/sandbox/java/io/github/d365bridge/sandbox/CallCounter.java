package io.github.d365bridge.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * Counts the calls a sandbox answered, by method and path with ids folded into {@code {id}}
 * ({@code GET /rest/default/V1/orders/{id}}), so a benchmark can report API calls per order on each side
 * from what the remote system actually saw, not from what the client thinks it sent. Always on: a
 * counter per distinct route costs next to nothing.
 */
public final class CallCounter {

    // numbers, quoted OData keys and long hex/uuid-like segments are ids; entity set and action names stay
    private static final Pattern ID_SEGMENT = Pattern.compile("/(\\d+|[0-9a-fA-F-]{16,})(?=/|$)");
    private static final Pattern ODATA_KEY = Pattern.compile("\\([^)]*\\)");

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    /** First handler of a router: counts the request, then passes it on. */
    public void count(RoutingContext ctx) {
        calls.computeIfAbsent(ctx.request().method().name() + " " + fold(ctx.request().path()), k -> new LongAdder())
                .increment();
        ctx.next();
    }

    /** Calls per route so far, sorted by route. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((route, n) -> copy.put(route, n.sum()));
        return copy;
    }

    /** All calls so far. */
    public long total() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void reset() {
        calls.clear();
    }

    static String fold(String path) {
        String p = path == null ? "" : path;
        p = ODATA_KEY.matcher(p).replaceAll("({key})");
        return ID_SEGMENT.matcher(p).replaceAll("/{id}");
    }
}
