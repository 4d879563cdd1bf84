package io.github.d365bridge.sandbox.commerce.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.sandbox.commerce.auth.SandboxAuthenticator;
import io.github.d365bridge.sandbox.commerce.bulk.AsyncBulkApi;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults;
import io.github.d365bridge.ground.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns an HTTP request into a route call the way Commerce's webapi front controller does: store
 * code from the path, route match (404 "Request does not match any route." otherwise), injected
 * faults, authentication against the route's ACL resource, strict JSON body, handler, JSON answer.
 */
public final class RestDispatcher {

    public static final String NO_ROUTE = "Request does not match any route.";
    public static final String ANONYMOUS = "anonymous";
    private static final Pattern REST = Pattern.compile("^/rest/(?:(?!V1/)([^/]+)/)?(async/bulk/|async/)?(V1/.*)$");

    private final RouteTable routes;
    private final Function<String, Optional<StoreScope>> stores;
    private final SandboxAuthenticator auth;
    private final SandboxFaults faults;
    private final AsyncBulkApi async;
    private final Object lock;
    private final Vertx vertx;

    public RestDispatcher(RouteTable routes, Function<String, Optional<StoreScope>> stores, SandboxAuthenticator auth,
            SandboxFaults faults, AsyncBulkApi async, Object lock, Vertx vertx) {
        this.routes = routes;
        this.stores = stores;
        this.auth = auth;
        this.faults = faults;
        this.async = async;
        this.lock = lock;
        this.vertx = vertx;
    }

    public void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        Matcher rest = REST.matcher(ctx.request().path());
        if (!rest.matches()) {
            faults.decide(method + " " + ctx.request().path());
            Responses.error(ctx, CommerceException.of(404, NO_ROUTE));
            return;
        }
        String mode = rest.group(2);
        String path = "/" + rest.group(3);
        boolean isAsync = mode != null;
        Optional<RouteTable.Match> match = isAsync ? Optional.empty() : routes.match(method, path);
        Optional<RouteTable.BulkMatch> bulkMatch = isAsync
                ? (mode.startsWith("async/bulk") ? routes.matchBulk(method, path) : routes.match(method, path)
                        .map(m -> new RouteTable.BulkMatch(m.route(), List.of())))
                : Optional.empty();
        Route route = match.map(RouteTable.Match::route).or(() -> bulkMatch.map(RouteTable.BulkMatch::route)).orElse(null);
        String key = route == null ? method + " " + path
                : isAsync ? method + " /" + mode.substring(0, mode.length() - 1) + route.template() : route.key();
        Optional<FaultRule> fault = faults.decide(key);
        Runnable work = () -> respond(ctx, method, rest.group(1), path, route, match, bulkMatch, mode, fault);
        long delay = fault.map(f -> f.latency().toMillis()).orElse(0L);
        if (delay > 0) {
            vertx.setTimer(delay, id -> work.run());
        } else {
            work.run();
        }
    }

    private void respond(RoutingContext ctx, String method, String storeCode, String path, Route route,
            Optional<RouteTable.Match> match, Optional<RouteTable.BulkMatch> bulkMatch, String mode, Optional<FaultRule> fault) {
        try {
            if (fault.isPresent() && Responses.fault(ctx, fault.get())) {
                return;
            }
            if (route == null || isAsyncGet(mode, method)) {
                throw CommerceException.of(404, NO_ROUTE);
            }
            StoreScope store = storeCode == null ? stores.apply("default").orElseThrow()
                    : stores.apply(storeCode).orElseThrow(() -> CommerceException.of(404,
                            "The store that was requested wasn't found. Verify the store and try again."));
            if (!ANONYMOUS.equals(route.aclResource())) {
                URI uri = URI.create("http://" + ctx.request().host() + ctx.request().uri());
                auth.authenticate(method, uri, ctx.request().getHeader("Authorization"), route.aclResource());
            }
            JsonNode body = parseBody(ctx);
            if (mode != null) {
                JsonNode answer = async.accept(bulkMatch.orElseThrow(), store, body, mode.startsWith("async/bulk"));
                Responses.json(ctx, 202, answer);
                return;
            }
            ApiCall call = new ApiCall(method, store, match.orElseThrow().params(), query(ctx),
                    SnakeCaseKeys.normalize(body));
            Object result;
            synchronized (lock) {
                result = route.handler().handle(call);
            }
            if (fault.isPresent() && fault.get().kind().losesAnswer()) {
                faults.answerLost(route.key());
                Responses.answerLost(ctx, fault.get());
                return;
            }
            Responses.json(ctx, 200, Json.mapper().valueToTree(result));
        } catch (CommerceException e) {
            Responses.error(ctx, e);
        } catch (RuntimeException e) {
            Responses.error(ctx, Responses.internalError());
        }
    }

    private static boolean isAsyncGet(String mode, String method) {
        return mode != null && method.equals("GET");
    }

    private static JsonNode parseBody(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw CommerceException.of(400, "Decoding error: \nSyntax error");
        }
    }

    private static Map<String, List<String>> query(RoutingContext ctx) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (QueryParam param : QueryParam.parse(ctx.request().query())) {
            query.computeIfAbsent(param.name(), k -> new java.util.ArrayList<>()).add(param.value());
        }
        return query;
    }
}
