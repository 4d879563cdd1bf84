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
 * Every call is counted ({@link CallStats}), waits for one of the store's PHP workers
 * ({@link WorkerPool}) and holds it for the route's {@link Latency}.
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
    private final LatencyModel latency;
    private final WorkerPool workers;
    private final CallStats stats;

    public RestDispatcher(RouteTable routes, Function<String, Optional<StoreScope>> stores, SandboxAuthenticator auth,
            SandboxFaults faults, AsyncBulkApi async, Object lock, Vertx vertx) {
        this(routes, stores, auth, faults, async, lock, vertx, new LatencyModel(Latency.NONE, java.util.Map.of()),
                new WorkerPool(0, call -> vertx.runOnContext(v -> call.run())), new CallStats());
    }

    public RestDispatcher(RouteTable routes, Function<String, Optional<StoreScope>> stores, SandboxAuthenticator auth,
            SandboxFaults faults, AsyncBulkApi async, Object lock, Vertx vertx, LatencyModel latency, WorkerPool workers,
            CallStats stats) {
        this.routes = routes;
        this.stores = stores;
        this.auth = auth;
        this.faults = faults;
        this.async = async;
        this.lock = lock;
        this.vertx = vertx;
        this.latency = latency;
        this.workers = workers;
        this.stats = stats;
    }

    /**
     * Counts the call, waits for a PHP worker, holds it for the call's latency (and any injected
     * latency), then answers and frees the worker. The body is read once, here.
     */
    public void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        Matcher rest = REST.matcher(ctx.request().path());
        if (!rest.matches()) {
            faults.decide(method + " " + ctx.request().path());
            stats.record(method, CallStats.NO_ROUTE, 0);
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
        Body body = Body.read(ctx);
        int items = Latency.items(body.json());
        stats.record(method, route == null ? CallStats.NO_ROUTE : key, items);
        long delay = fault.map(f -> f.latency().toMillis()).orElse(0L) + latency.of(key).millis(items);
        workers.submit(() -> {
            Runnable work = () -> {
                try {
                    respond(ctx, method, rest.group(1), path, route, match, bulkMatch, mode, fault, body);
                } finally {
                    workers.release();
                }
            };
            if (delay > 0) {
                vertx.setTimer(delay, id -> work.run());
            } else {
                work.run();
            }
        });
    }

    /** The request body, parsed once; a body that is not JSON answers Magento's decoding error later. */
    private record Body(JsonNode json, boolean malformed) {
        static Body read(RoutingContext ctx) {
            String text = ctx.body() == null ? null : ctx.body().asString();
            if (text == null || text.isBlank()) {
                return new Body(null, false);
            }
            try {
                return new Body(Json.mapper().readTree(text), false);
            } catch (java.io.IOException e) {
                return new Body(null, true);
            }
        }
    }

    private void respond(RoutingContext ctx, String method, String storeCode, String path, Route route,
            Optional<RouteTable.Match> match, Optional<RouteTable.BulkMatch> bulkMatch, String mode, Optional<FaultRule> fault,
            Body parsed) {
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
            if (parsed.malformed()) {
                throw CommerceException.of(400, "Decoding error: \nSyntax error");
            }
            JsonNode body = parsed.json();
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
            if (!ctx.response().ended() && !ctx.response().closed()) {
                Responses.error(ctx, Responses.internalError());
            }
        }
    }

    private static boolean isAsyncGet(String mode, String method) {
        return mode != null && method.equals("GET");
    }

    private static Map<String, List<String>> query(RoutingContext ctx) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (QueryParam param : QueryParam.parse(ctx.request().query())) {
            query.computeIfAbsent(param.name(), k -> new java.util.ArrayList<>()).add(param.value());
        }
        return query;
    }
}
