package io.github.d365bridge.sandbox.d365.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Delivers business events to the configured HTTPS endpoint as D365 does: a JSON POST, 10 s timeout,
 * retried {@code retries} times {@code retryDelay} apart on any non-2xx answer or I/O error, then
 * given up (at-least-once: a receiver may see an event twice). No signature header, as in D365.
 */
public final class BusinessEventPublisher implements AutoCloseable {

    /** One delivery attempt, for tests. */
    public record Attempt(String eventId, int attempt, int status, String error) {
    }

    private final URI target;
    private final int retries;
    private final Duration retryDelay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "d365-sandbox-events");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    public BusinessEventPublisher(URI target, int retries, Duration retryDelay) {
        this.target = target;
        this.retries = retries;
        this.retryDelay = retryDelay;
    }

    public void publish(String eventId, String json) {
        if (target == null) {
            return;
        }
        sender.execute(() -> deliver(eventId, json));
    }

    private void deliver(String eventId, String json) {
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.discarding());
                attempts.add(new Attempt(eventId, attempt, response.statusCode(), null));
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (java.io.IOException e) {
                attempts.add(new Attempt(eventId, attempt, 0, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt <= retries) {
                try {
                    Thread.sleep(retryDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
