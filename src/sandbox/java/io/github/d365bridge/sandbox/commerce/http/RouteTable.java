package io.github.d365bridge.sandbox.commerce.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All synchronous routes. Literal segments win over placeholders ({@code /V1/customers/search}
 * before {@code /V1/customers/{customerId}}), like Magento's router which tries the most specific
 * route first.
 */
public final class RouteTable {

    private final List<Route> routes = new ArrayList<>();

    public RouteTable add(Route route) {
        routes.add(route);
        routes.sort(Comparator.comparingInt(Route::placeholderCount));
        return this;
    }

    public record Match(Route route, Map<String, String> params) {
    }

    public record BulkMatch(Route route, List<String> paramNames) {
    }

    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> params = route.match(path);
                if (params.isPresent()) {
                    return Optional.of(new Match(route, params.get()));
                }
            }
        }
        return Optional.empty();
    }

    public Optional<BulkMatch> matchBulk(String method, String path) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<List<String>> names = route.matchBulk(path);
                if (names.isPresent()) {
                    return Optional.of(new BulkMatch(route, names.get()));
                }
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
