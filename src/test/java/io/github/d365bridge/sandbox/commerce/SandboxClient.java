package io.github.d365bridge.sandbox.commerce;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.auth.OAuth1Signer;
import io.github.d365bridge.ground.Json;

/**
 * Real HTTP against a running sandbox, signing with the project's own OAuth 1.0a signer by default,
 * and recording every exchange so the contract test can validate the traffic.
 */
final class SandboxClient {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Exchange(String method, URI uri, String requestBody, int status, String responseBody,
            Map<String, List<String>> responseHeaders) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(responseBody);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + responseBody, e);
            }
        }

        String header(String name) {
            return responseHeaders.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final CommerceSandbox sandbox;
    private final OAuth1Signer signer;
    private final List<Exchange> traffic = new CopyOnWriteArrayList<>();
    private String authorization;

    SandboxClient(CommerceSandbox sandbox) {
        this.sandbox = sandbox;
        // The sandbox may run on a test clock; a client signs with the time its server believes in.
        java.util.concurrent.atomic.AtomicLong nonce = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        this.signer = new OAuth1Signer(sandbox.options().integration(), sandbox.options().clock(),
                () -> Long.toHexString(nonce.incrementAndGet()));
    }

    /** Use this Authorization value instead of OAuth signing (null: back to OAuth). */
    SandboxClient authorization(String value) {
        this.authorization = value;
        return this;
    }

    Exchange get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Exchange post(String path, Object body) {
        return send("POST", path, body);
    }

    Exchange put(String path, Object body) {
        return send("PUT", path, body);
    }

    Exchange send(String method, String pathAndQuery, Object body) {
        URI uri = URI.create(sandbox.baseUrl() + pathAndQuery);
        String text = body == null ? null : body instanceof String s ? s : Json.mapper().valueToTree(body).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization != null ? authorization : signer.authorizationHeader(method, uri));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Exchange exchange = new Exchange(method, uri, text, response.statusCode(), response.body(), response.headers().map());
            traffic.add(exchange);
            return exchange;
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A call of the control API ({@code /_sandbox/…}) with the control key; fails unless it answers 200. */
    JsonNode control(String method, String path, Object body) {
        URI uri = URI.create(sandbox.baseUrl() + path);
        String text = body == null ? null : Json.mapper().valueToTree(body).toString();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header(io.github.d365bridge.sandbox.commerce.control.ControlApi.KEY_HEADER, sandbox.options().controlKey())
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    List<Exchange> traffic() {
        return List.copyOf(traffic);
    }
}
