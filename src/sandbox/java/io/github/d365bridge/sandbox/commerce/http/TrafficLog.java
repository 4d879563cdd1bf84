package io.github.d365bridge.sandbox.commerce.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.vertx.ext.web.RoutingContext;

/**
 * What the sandbox was asked and answered, when recording is on: the raw material of the contract
 * test that checks every request a client sent and every answer it got against Adobe's OpenAPI file.
 * Bounded, so a long benchmark with recording left on cannot exhaust memory.
 */
public final class TrafficLog {

    /** One request and its answer, bodies as sent on the wire. */
    public record Exchange(String method, URI uri, String requestBody, int status, String responseBody) {
    }

    private static final String CONTEXT_KEY = TrafficLog.class.getName();
    private static final int CAPACITY = 20_000;

    private final Deque<Exchange> exchanges = new ArrayDeque<>();
    private volatile boolean recording;

    /** First handler of every route: makes the log reachable from wherever the answer is written. */
    public void attach(RoutingContext ctx) {
        if (recording) {
            ctx.put(CONTEXT_KEY, this);
        }
        ctx.next();
    }

    public void recording(boolean on) {
        recording = on;
    }

    public synchronized List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    public synchronized void clear() {
        exchanges.clear();
    }

    static void record(RoutingContext ctx, int status, String responseBody) {
        TrafficLog log = ctx.get(CONTEXT_KEY);
        if (log != null) {
            String requestBody = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0 ? null
                    : ctx.body().asString();
            log.add(new Exchange(ctx.request().method().name(), URI.create(ctx.request().absoluteURI()), requestBody,
                    status, responseBody));
        }
    }

    private synchronized void add(Exchange exchange) {
        if (exchanges.size() >= CAPACITY) {
            exchanges.removeFirst();
        }
        exchanges.addLast(exchange);
    }
}
