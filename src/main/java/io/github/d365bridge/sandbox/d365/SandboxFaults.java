package io.github.d365bridge.sandbox.d365;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Faults the sandbox injects into /data calls, and the per-path call counters tests assert on.
 * Percentages draw from a seeded random, so a sequential test sees the same faults every run;
 * {@link #failNext} gives an exact number of faulty answers. Throttling (429) hits OData entity
 * calls only, because DMF is exempt from service protection in D365; errors, latency and dropped
 * connections hit every /data call. Same settings as {@code /_sandbox/faults}.
 */
public final class SandboxFaults {

    private final java.util.concurrent.atomic.AtomicInteger expiredWriteUrls = new java.util.concurrent.atomic.AtomicInteger();

    /** What to do with one call. */
    public record Decision(Kind kind, int status, Integer retryAfterSeconds, Duration latency) {
        public enum Kind { NONE, ANSWER, DROP }
    }

    private volatile int throttlePercent;
    private volatile Integer retryAfterSeconds;
    private volatile int errorPercent;
    private volatile int errorStatus = 503;
    private volatile Duration latency = Duration.ZERO;
    private volatile int dropPercent;
    private volatile boolean stuckDmfJobs;
    private final AtomicInteger failNextCount = new AtomicInteger();
    private volatile int failNextStatus;
    private volatile Integer failNextRetryAfter;
    private final Random random;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    SandboxFaults(long seed) {
        this.random = new Random(seed);
    }

    /** Answers 429 to this share of OData calls, with {@code Retry-After} when the value is not null. */
    public SandboxFaults throttle(int percent, Integer retryAfter) {
        throttlePercent = percent(percent);
        retryAfterSeconds = retryAfter;
        return this;
    }

    /** Answers {@code status} (500, 503 …) with an OData error body to this share of /data calls. */
    public SandboxFaults serverErrors(int percent, int status) {
        errorPercent = percent(percent);
        errorStatus = status;
        return this;
    }

    public SandboxFaults latency(Duration added) {
        latency = added == null ? Duration.ZERO : added;
        return this;
    }

    /** Closes the connection without answering for this share of /data calls. */
    public SandboxFaults dropConnections(int percent) {
        dropPercent = percent(percent);
        return this;
    }

    /** DMF jobs started from now on stay Executing for ever (until the flag is cleared). */
    /** The next {@code count} DMF write URLs are handed out already expired (their uploads get 403). */
    public SandboxFaults expireNextWriteUrls(int count) {
        expiredWriteUrls.set(count);
        return this;
    }

    /** Consumes one pending expired write URL, if any. */
    public boolean takeExpiredWriteUrl() {
        return expiredWriteUrls.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    public SandboxFaults stuckDmfJobs(boolean stuck) {
        stuckDmfJobs = stuck;
        return this;
    }

    /** The next {@code count} /data calls answer {@code status} (429 gets {@code retryAfter} when not null). */
    public SandboxFaults failNext(int count, int status, Integer retryAfter) {
        failNextStatus = status;
        failNextRetryAfter = retryAfter;
        failNextCount.set(count);
        return this;
    }

    /** No faults any more; counters are kept. */
    public void clear() {
        expiredWriteUrls.set(0);
        throttlePercent = 0;
        errorPercent = 0;
        dropPercent = 0;
        latency = Duration.ZERO;
        stuckDmfJobs = false;
        failNextCount.set(0);
    }

    public boolean stuckDmfJobs() {
        return stuckDmfJobs;
    }

    /** Calls so far to exactly this path (e.g. {@code /data/CustomersV3}), faulty ones included. */
    public long calls(String path) {
        LongAdder adder = counters.get(path);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Long> counters() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((path, n) -> copy.put(path, n.sum()));
        return copy;
    }

    public void resetCounters() {
        counters.clear();
    }

    /** Counts the call and draws its fate. */
    public Decision decide(String path, boolean throttleable) {
        counters.computeIfAbsent(path, p -> new LongAdder()).increment();
        Duration delay = latency;
        if (failNextCount.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Decision(Decision.Kind.ANSWER, failNextStatus, failNextStatus == 429 ? failNextRetryAfter : null,
                    delay);
        }
        synchronized (random) {
            if (dropPercent > 0 && random.nextInt(100) < dropPercent) {
                return new Decision(Decision.Kind.DROP, 0, null, delay);
            }
            if (throttleable && throttlePercent > 0 && random.nextInt(100) < throttlePercent) {
                return new Decision(Decision.Kind.ANSWER, 429, retryAfterSeconds, delay);
            }
            if (errorPercent > 0 && random.nextInt(100) < errorPercent) {
                return new Decision(Decision.Kind.ANSWER, errorStatus, null, delay);
            }
        }
        return new Decision(Decision.Kind.NONE, 0, null, delay);
    }

    private static int percent(int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("a percentage is 0..100, was " + value);
        }
        return value;
    }
}
