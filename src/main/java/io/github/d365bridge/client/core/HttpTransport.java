package io.github.d365bridge.client.core;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.ground.ExternalSystem;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;

/**
 * One JDK {@link HttpClient} per remote system, with the bridge's conventions: every request carries
 * the correlation id and a timeout, transport failures become retriable {@link BridgeException}s that
 * name the operation, and bodies are streamed so large answers never sit whole in memory.
 */
public final class HttpTransport {

    private final HttpClient client;
    private final ExternalSystem system;
    private final Duration requestTimeout;

    public HttpTransport(ExternalSystem system, Duration connectTimeout, Duration requestTimeout,
            Optional<SSLContext> sslContext) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        sslContext.ifPresent(builder::sslContext);
        this.client = builder.build();
        this.system = system;
        this.requestTimeout = requestTimeout;
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header(Correlation.HEADER, Correlation.currentOrNew());
    }

    /** Sends and returns the streamed answer; the caller must close the body. */
    public HttpResponse<InputStream> send(HttpRequest request, String operation) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new BridgeException(system, operation + ": " + describe(e) + " calling " + hostOf(request.uri()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException(system, operation + ": interrupted", e);
        }
    }

    /** Reads a (small) body as UTF-8 text, at most {@code maxChars} characters. */
    public static String text(HttpResponse<InputStream> response, int maxChars) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(maxChars * 4);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.length() > maxChars ? text.substring(0, maxChars) : text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Reading the answer body failed", e);
        }
    }

    /** Parses a {@code Retry-After} given in seconds (D365, Commerce) or as an HTTP date. */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    java.time.ZonedDateTime when = java.time.ZonedDateTime.parse(value.trim(),
                            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(java.time.Instant.now(), when.toInstant());
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (java.time.format.DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " (" + e.getMessage() + ")";
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
