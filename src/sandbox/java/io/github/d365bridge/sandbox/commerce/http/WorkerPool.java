package io.github.d365bridge.sandbox.commerce.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The store's PHP-FPM workers: at most {@code size} calls are served at once; a call beyond that waits,
 * first come first served, as nginx holds a request until {@code pm.max_children} frees one. Size 0
 * means no limit. Never blocks a thread: waiting calls are queued and started when a worker is released.
 */
public final class WorkerPool {

    /** What the pool has seen: a benchmark reads how often calls queued and how long the queue got. */
    public record Usage(int size, int busy, int waiting, int maxBusy, int maxWaiting, long queued) {
    }

    private final Consumer<Runnable> later;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int size;
    private int busy;
    private int maxBusy;
    private int maxWaiting;
    private long queued;

    /** @param later runs a waiting call after the current one (on the event loop, not nested in it) */
    public WorkerPool(int size, Consumer<Runnable> later) {
        this.later = later;
        size(size);
    }

    /** Runs {@code call} now when a worker is free, else once one is; the call must {@link #release}. */
    public void submit(Runnable call) {
        synchronized (this) {
            if (size != 0 && busy >= size) {
                waiting.addLast(call);
                queued++;
                maxWaiting = Math.max(maxWaiting, waiting.size());
                return;
            }
            busy++;
            maxBusy = Math.max(maxBusy, busy);
        }
        call.run();
    }

    /** The worker of a finished call serves the next waiting one, if any. */
    public void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                busy--;
            }
        }
        if (next != null) {
            later.accept(next);
        }
    }

    public synchronized void size(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("worker count must be 0 (no limit) or positive");
        }
        size = value;
        while (!waiting.isEmpty() && (size == 0 || busy < size)) {
            busy++;
            maxBusy = Math.max(maxBusy, busy);
            later.accept(waiting.pollFirst());
        }
    }

    public synchronized Usage usage() {
        return new Usage(size, busy, waiting.size(), maxBusy, maxWaiting, queued);
    }

    /** Forgets the high-water marks and the queued count (not the calls in flight). */
    public synchronized void resetUsage() {
        maxBusy = busy;
        maxWaiting = waiting.size();
        queued = 0;
    }
}
