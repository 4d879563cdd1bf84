package io.github.d365bridge.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
}
