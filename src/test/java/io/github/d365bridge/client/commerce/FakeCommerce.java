package io.github.d365bridge.client.commerce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.d365bridge.ground.Json;

/**
 * A loopback HTTP server standing in for Commerce in client tests: answers with whatever the test's
 * handler returns (Commerce's documented shapes) and records every request exactly as it arrived.
 */
public final class FakeCommerce implements AutoCloseable {

    /** A request as received; {@code uri} is the URL the client addressed, query encoded as sent. */
    public record Recorded(String method, URI uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String path() {
            return uri.getRawPath();
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + body, e);
            }
        }
    }

    /** An answer; {@code truncate} announces more bytes than it sends, then closes the connection. */
    public record Reply(int status, String body, Map<String, String> headers, boolean truncate) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"), false);
        }

        public static Reply ok(String body) {
            return json(200, body);
        }

        public Reply header(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, truncate);
        }

        public Reply truncated() {
            return new Reply(status, body, headers, true);
        }
    }

    /** More requests than any test needs: a client looping on pages or polls fails instead of hanging. */
    private static final int MAX_REQUESTS = 300;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> handler =
            r -> Reply.json(404, "{\"message\":\"Request does not match any route.\",\"trace\":null}");

    public FakeCommerce() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeCommerce answer(Function<Recorded, Reply> value) {
        this.handler = value;
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public List<Recorded> requestsTo(String pathPart) {
        return requests.stream().filter(r -> r.path().contains(pathPart)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            URI sent = exchange.getRequestURI();
            URI full = URI.create(baseUrl() + sent.getRawPath() + (sent.getRawQuery() == null ? "" : "?" + sent.getRawQuery()));
            Recorded recorded = new Recorded(exchange.getRequestMethod(), full, Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(recorded);
            Reply reply = requests.size() > MAX_REQUESTS
                    ? Reply.json(400, "{\"message\":\"FakeCommerce guard: more than " + MAX_REQUESTS + " requests\"}")
                    : handler.apply(recorded);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), reply.truncate() ? bytes.length + 100 : bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
