package io.github.d365bridge.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.azure.core.util.BinaryData;
import com.azure.storage.queue.QueueAsyncClient;

/**
 * The bare enqueue the intake is compared with: the same non-blocking SDK queue client the intake's
 * {@code QueuePublisher.sendAsync} uses, the same message lifetime, the same number of calls in flight,
 * and nothing else (no HTTP server, no signature, no JSON). What this reaches is the most the intake
 * could reach on this machine.
 */
final class RawEnqueueLoad {

    /** As {@code QueuePublisher} sends every message: never expiring. */
    private static final Duration NEVER_EXPIRE = Duration.ofSeconds(-1);

    record Result(long calls, long failures, double seconds) {
        double perSecond() {
            return calls / seconds;
        }
    }

    /** An open loop's outcome: one latency per send, from its due time to Storage's answer. */
    record OpenLoop(double[] latenciesMs, long failures, double seconds) {
        double achievedPerSecond() {
            return latenciesMs.length / seconds;
        }
    }

    private final QueueAsyncClient queue;
    private final BinaryData message;

    RawEnqueueLoad(QueueAsyncClient queue, String text) {
        this.queue = queue;
        this.message = BinaryData.fromString(text);
    }

    /** {@code concurrency} sends in flight for {@code duration}, each started when one finishes. */
    Result closedLoop(int concurrency, Duration duration) {
        AtomicLong calls = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicInteger running = new AtomicInteger(concurrency);
        CompletableFuture<Void> done = new CompletableFuture<>();
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
            queue.sendMessageWithResponse(message, null, NEVER_EXPIRE).subscribe(sent -> {
            }, failure -> {
                calls.incrementAndGet();
                failures.incrementAndGet();
                chain[0].run();
            }, () -> {
                calls.incrementAndGet();
                chain[0].run();
            });
        };
        for (int i = 0; i < concurrency; i++) {
            chain[0].run();
        }
        try {
            done.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("raw enqueue loop did not finish", e);
        }
        return new Result(calls.get(), failures.get(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * {@code rate} sends per second for {@code duration}, as the intake's open loop offers webhooks: a 1 ms
     * tick starts every send that has come due, at most {@code maxInFlight} at once (one due while all are
     * busy waits, and that wait counts), each timed from its due time. This is Azurite's own latency at
     * that rate on this machine, the floor under the intake's.
     */
    OpenLoop openLoop(int rate, Duration duration, int maxInFlight) {
        int total = (int) Math.max(1, rate * duration.toMillis() / 1000);
        double[] latencies = new double[total];
        AtomicLong failures = new AtomicLong();
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime();
        ArrayDeque<Integer> waiting = new ArrayDeque<>();
        int[] inFlight = {0};
        int[] next = {0};
        Object lock = new Object();
        java.util.function.IntConsumer[] sendAt = new java.util.function.IntConsumer[1];
        sendAt[0] = n -> {
            long due = start + (long) (n * periodNanos);
            Runnable finish = () -> {
                latencies[n] = (System.nanoTime() - due) / 1e6;
                Integer queued;
                synchronized (lock) {
                    queued = waiting.poll();
                    if (queued == null) {
                        inFlight[0]--;
                    }
                }
                if (queued != null) {
                    sendAt[0].accept(queued);
                }
                if (answered.incrementAndGet() == total) {
                    done.complete(null);
                }
            };
            queue.sendMessageWithResponse(message, null, NEVER_EXPIRE).subscribe(sent -> {
            }, failure -> {
                failures.incrementAndGet();
                finish.run();
            }, finish);
        };
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bare-enqueue-open-loop");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            while (next[0] < total && start + (long) (next[0] * periodNanos) <= now) {
                int n = next[0]++;
                boolean go;
                synchronized (lock) {
                    go = inFlight[0] < maxInFlight;
                    if (go) {
                        inFlight[0]++;
                    } else {
                        waiting.add(n);
                    }
                }
                if (go) {
                    sendAt[0].accept(n);
                }
            }
            if (next[0] == total) {
                throw new java.util.concurrent.CancellationException("all sent"); // ends the periodic task
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        try {
            done.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("bare enqueue open loop did not finish", e);
        } finally {
            ticker.shutdownNow();
        }
        return new OpenLoop(latencies, failures.get(), (System.nanoTime() - start) / 1e9);
    }
}
