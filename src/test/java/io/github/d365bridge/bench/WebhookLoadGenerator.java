package io.github.d365bridge.bench;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Posts pre-signed webhooks to the intake from one event-loop thread of its own, without a thread per
 * request: closed loops keep a fixed number of requests in flight, open loops send each request at its
 * due time whatever the server does. All of the generator's work runs on that one thread, so its CPU
 * time can be taken out of the JVM's and what remains is the bridge's (plus GC and JIT, which no thread
 * owns). Nothing is signed here: the bodies arrive signed.
 *
 * <p>Connections are capped, as a store's PHP workers cap how many webhooks it has in flight: a request
 * due while all are busy waits in the generator, and that wait counts in its latency. Without the cap an
 * overloaded phase had the bridge open a thousand concurrent Storage calls, and Azurite (one Node thread)
 * stopped answering for minutes.
 *
 * <p>Vert.x's client, not the JDK's: the JDK client writes headers and body in separate segments without
 * TCP_NODELAY, so Nagle and delayed ACKs add ~40 ms per request that no real webhook sender pays (curl,
 * which Commerce's Guzzle uses, sets TCP_NODELAY).
 */
final class WebhookLoadGenerator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookLoadGenerator.class);
    /** Long enough that an overloaded phase shows as latency, not as failures. */
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    /** One webhook call as Commerce would send it: the exact body bytes and their signature header. */
    record SignedWebhook(Buffer body, String signature) {
    }

    /** A closed loop's outcome; {@code generatorNanos} is the CPU the generator's thread used. */
    record ClosedLoop(long calls, long failures, double seconds, long generatorNanos) {
        double perSecond() {
            return calls / seconds;
        }
    }

    /** An open loop's outcome: one latency per request, from its due time to its answer. */
    record OpenLoop(int offeredPerSecond, double[] latenciesMs, long failures, double seconds, long generatorNanos) {
        double achievedPerSecond() {
            return latenciesMs.length / seconds;
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient http;
    private final io.vertx.core.Context context = vertx.getOrCreateContext();
    private final String url;
    private final List<SignedWebhook> webhooks;
    private final long eventLoopThreadId;
    private final AtomicInteger firstFailureLogged = new AtomicInteger();

    /** @param connections the most requests in flight at once (closed loops use fewer) */
    WebhookLoadGenerator(URL url, List<SignedWebhook> webhooks, int connections) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true).setKeepAlive(true)
                .setMaxPoolSize(connections).setConnectTimeout(5_000));
        this.url = url.toString();
        this.webhooks = List.copyOf(webhooks);
        CompletableFuture<Long> thread = new CompletableFuture<>();
        context.runOnContext(v -> thread.complete(Thread.currentThread().getId()));
        this.eventLoopThreadId = thread.join();
    }

    /** {@code concurrency} signed requests in flight for {@code duration}, each answered before the next. */
    ClosedLoop closedLoop(int concurrency, Duration duration) {
        return closedLoop(concurrency, duration, true);
    }

    /** The same with unsigned bodies ({@code {}}), which the intake must refuse with 401. */
    ClosedLoop unsignedClosedLoop(int concurrency, Duration duration) {
        return closedLoop(concurrency, duration, false);
    }

    private ClosedLoop closedLoop(int concurrency, Duration duration, boolean signed) {
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicInteger sequence = new AtomicInteger();
        AtomicInteger running = new AtomicInteger(concurrency);
        CompletableFuture<Void> done = new CompletableFuture<>();
        long cpuBefore = generatorCpuNanos();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Runnable[] chain = new Runnable[1];
        chain[0] = () -> {
            if (System.nanoTime() >= end) {
                if (running.decrementAndGet() == 0) {
                    done.complete(null);
                }
                return;
            }
            int expected = signed ? 200 : 401;
            SignedWebhook webhook = signed ? webhooks.get(sequence.getAndIncrement() % webhooks.size())
                    : new SignedWebhook(Buffer.buffer("{}"), null);
            send(webhook).onComplete(result -> {
                calls.incrementAndGet();
                if (result.failed() || result.result() != expected) {
                    failures.incrementAndGet();
                    logFirstFailure(result.failed() ? result.cause().toString() : "status " + result.result());
                }
                chain[0].run();
            });
        };
        context.runOnContext(v -> {
            for (int i = 0; i < concurrency; i++) {
                chain[0].run();
            }
        });
        await(done, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ClosedLoop(calls.get(), failures.get(), seconds, generatorCpuNanos() - cpuBefore);
    }

    /**
     * {@code rate} signed requests per second for {@code duration}, each sent when due (a 1 ms timer sends
     * every request that has come due) and timed from that due time, so neither a slow server nor a late
     * timer tick can hide queueing delay.
     */
    OpenLoop openLoop(int rate, Duration duration) {
        int total = (int) Math.max(1, rate * duration.toMillis() / 1000);
        double[] latencies = new double[total];
        AtomicLong failures = new AtomicLong();
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        double periodNanos = 1e9 / rate;
        long cpuBefore = generatorCpuNanos();
        long start = System.nanoTime();
        int[] next = {0};
        context.runOnContext(v -> vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (next[0] < total && start + (long) (next[0] * periodNanos) <= now) {
                int n = next[0]++;
                long due = start + (long) (n * periodNanos);
                send(webhooks.get(n % webhooks.size())).onComplete(result -> {
                    latencies[n] = (System.nanoTime() - due) / 1e6;
                    if (result.failed() || result.result() != 200) {
                        failures.incrementAndGet();
                        logFirstFailure(result.failed() ? result.cause().toString() : "status " + result.result());
                    }
                    if (answered.incrementAndGet() == total) {
                        done.complete(null);
                    }
                });
            }
            if (next[0] == total) {
                vertx.cancelTimer(timer);
            }
        }));
        await(done, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new OpenLoop(rate, latencies, failures.get(), seconds, generatorCpuNanos() - cpuBefore);
    }

    /** One POST; the future holds the status code once the whole answer has been read. */
    private io.vertx.core.Future<Integer> send(SignedWebhook webhook) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .putHeader("Content-Type", "application/json").setIdleTimeout(REQUEST_TIMEOUT_MS);
        if (webhook.signature() != null) {
            options.putHeader("x-adobe-commerce-webhook-signature", webhook.signature());
        }
        return http.request(options).compose(request -> request.send(webhook.body()))
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    /** The generator's thread CPU (user + system) so far. */
    private long generatorCpuNanos() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getThreadCpuTime(eventLoopThreadId);
    }

    /** Waits for a loop to finish: its duration plus room to drain what an overloaded server queued. */
    private static void await(CompletableFuture<Void> done, Duration duration) {
        try {
            done.get(duration.toMillis() + REQUEST_TIMEOUT_MS + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("load loop did not finish", e);
        }
    }

    private void logFirstFailure(String what) {
        if (firstFailureLogged.getAndIncrement() == 0) {
            LOG.warnf("Intake call failed: %s", what);
        }
    }

    @Override
    public void close() {
        http.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
