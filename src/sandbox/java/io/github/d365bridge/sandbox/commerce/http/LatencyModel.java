package io.github.d365bridge.sandbox.commerce.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latency of every route: one default, and overrides by route, matched like fault rules (a full
 * key {@code POST /V1/customers}, or a template alone for every method; async routes as
 * {@code POST /async/bulk/V1/customers}). Changeable while the sandbox runs.
 */
public final class LatencyModel {

    private volatile Latency defaults;
    private final Map<String, Latency> routes = new LinkedHashMap<>();

    public LatencyModel(Latency defaults, Map<String, Latency> routes) {
        this.defaults = defaults;
        this.routes.putAll(routes);
    }

    public synchronized Latency of(String routeKey) {
        Latency exact = routes.get(routeKey);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Latency> route : routes.entrySet()) {
            if (routeKey.endsWith(" " + route.getKey())) {
                return route.getValue();
            }
        }
        return defaults;
    }

    public Latency defaults() {
        return defaults;
    }

    public void defaults(Latency value) {
        defaults = value;
    }

    public synchronized void route(String route, Latency value) {
        routes.put(route, value);
    }

    public synchronized Map<String, Latency> routes() {
        return new LinkedHashMap<>(routes);
    }

    /** Back to no latency at all, on every route. */
    public synchronized void clear() {
        routes.clear();
        defaults = Latency.NONE;
    }
}
