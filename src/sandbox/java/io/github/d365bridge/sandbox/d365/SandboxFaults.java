package io.github.d365bridge.sandbox.d365;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.d365bridge.sandbox.FaultTally;
import io.github.d365bridge.sandbox.OutageWindow;

/**
 * Faults the sandbox injects into /data calls, and the per-path call counters tests assert on.
 * Percentages draw from a seeded random, so a sequential test sees the same faults every run;
 * {@link #failNext} gives an exact number of faulty answers. Throttling (429) hits OData entity
 * calls only, because DMF is exempt from service protection in D365; errors, latency and dropped
 * connections hit every /data call. Same settings as {@code /_sandbox/faults}.
 *
 * <p>Besides faults that refuse a call before acting, some act and then lose the answer
 * ({@link #loseAnswers}), make a DMF job finish late ({@link #lateDmfJobs}) or take the whole system down
 * for a window ({@link #outage()}). Every injected fault is counted by kind in {@link #injected()}.
 */
public final class SandboxFaults {

    private final AtomicInteger expiredWriteUrls = new AtomicInteger();
    private final FaultTally tally = new FaultTally();
    private final OutageWindow outage = new OutageWindow(Clock.systemUTC(), tally);
    private final AnswerLoss answerLoss;
    private final List<D365CallListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger lateNext = new AtomicInteger();
    private volatile int latePercent;
    private volatile Duration lateBy = Duration.ZERO;

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
        this.answerLoss = new AnswerLoss(seed, tally);
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

    /** The next {@code count} DMF write URLs are handed out already expired (their uploads get 403). */
    public SandboxFaults expireNextWriteUrls(int count) {
        expiredWriteUrls.set(count);
        return this;
    }

    /** Consumes one pending expired write URL, if any. */
    public boolean takeExpiredWriteUrl() {
        boolean expired = expiredWriteUrls.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (expired) {
            tally.count("expiredWriteUrl");
        }
        return expired;
    }

    /**
     * Carries out the DMF {@code action} (the import job is created and runs, the write URL is issued)
     * and then loses its answer for the next {@code next} calls and {@code percent} % of the later ones.
     */
    public SandboxFaults loseAnswers(String action, int percent, int next, AnswerLoss.How how) {
        answerLoss.lose(action, percent, next, how);
        return this;
    }

    public AnswerLoss answerLoss() {
        return answerLoss;
    }

    /**
     * The next {@code next} imports, then {@code percent} % of the later ones, stay Executing for
     * {@code by} longer than the latency model says, then finish as they would have (rows imported):
     * a job that ends after the caller's deadline.
     */
    public SandboxFaults lateDmfJobs(int next, int percent, Duration by) {
        latePercent = percent(percent);
        lateBy = by;
        lateNext.set(next);
        return this;
    }

    /** The extra time the import starting now runs, if it is to be late; counted as {@code lateJob}. */
    public Optional<Duration> takeLateJob() {
        boolean late = lateNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (!late && latePercent > 0) {
            synchronized (random) {
                late = random.nextInt(100) < latePercent;
            }
        }
        if (!late) {
            return Optional.empty();
        }
        tally.count("lateJob");
        return Optional.of(lateBy);
    }

    /**
     * The next {@code count} exports end {@code status} instead of Succeeded: {@code Failed} (no package, as
     * when the export's query fails in D365) or {@code PartiallySucceeded} (a package without every tenth row,
     * as when some records fail their export mapping). Counted as {@code exportEnding}.
     */
    public SandboxFaults endNextExports(int count, String status) {
        if (!Set.of("Failed", "PartiallySucceeded", "Canceled").contains(status)) {
            throw new IllegalArgumentException("an export ends Failed, PartiallySucceeded or Canceled, not " + status);
        }
        for (int i = 0; i < count; i++) {
            exportEndings.add(status);
        }
        return this;
    }

    /** How the export starting now is to end, if it is one of those {@link #endNextExports} named. */
    public Optional<String> takeExportEnding() {
        Optional<String> ending = Optional.ofNullable(exportEndings.poll());
        ending.ifPresent(e -> tally.count("exportEnding"));
        return ending;
    }

    /** The window in which the whole sandbox (tokens, OData, DMF, control) drops every connection. */
    public OutageWindow outage() {
        return outage;
    }

    /** Tells {@code listener} about every DMF action and OData call before it is answered. */
    public SandboxFaults onCall(D365CallListener listener) {
        listeners.add(listener);
        return this;
    }

    public void removeListeners() {
        listeners.clear();
    }

    /** Runs the listeners; one that throws does not stop the call or the others. */
    public void seen(String operation, String detail) {
        for (D365CallListener listener : listeners) {
            try {
                listener.seen(operation, detail);
            } catch (RuntimeException e) {
                // a test hook failing must not turn into a sandbox fault nobody asked for
            }
        }
    }

    /** Faults injected so far by kind ({@code throttle}, {@code answerLost}, {@code lateJob}, {@code outage} …). */
    public Map<String, Long> injected() {
        return tally.snapshot();
    }

    /** Counts one injected fault of a kind the sandbox decides elsewhere (a stuck job). */
    public void countInjected(String kind) {
        tally.count(kind);
    }

    /** DMF jobs started from now on stay Executing for ever (until the flag is cleared). */
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

    private final java.util.Queue<String> exportEndings = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** No faults any more; counters are kept. */
    public void clear() {
        expiredWriteUrls.set(0);
        throttlePercent = 0;
        errorPercent = 0;
        dropPercent = 0;
        latency = Duration.ZERO;
        stuckDmfJobs = false;
        failNextCount.set(0);
        answerLoss.clear();
        lateNext.set(0);
        latePercent = 0;
        exportEndings.clear();
        outage.clear();
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

    /** Forgets the call counters and the injected-fault counts. */
    public void resetCounters() {
        counters.clear();
        tally.reset();
    }

    /** Counts the call and draws its fate. */
    public Decision decide(String path, boolean throttleable) {
        counters.computeIfAbsent(path, p -> new LongAdder()).increment();
        Duration delay = latency;
        if (failNextCount.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            tally.count(failNextStatus == 429 ? "throttle" : "serverError");
            return new Decision(Decision.Kind.ANSWER, failNextStatus, failNextStatus == 429 ? failNextRetryAfter : null,
                    delay);
        }
        synchronized (random) {
            if (dropPercent > 0 && random.nextInt(100) < dropPercent) {
                tally.count("dropConnection");
                return new Decision(Decision.Kind.DROP, 0, null, delay);
            }
            if (throttleable && throttlePercent > 0 && random.nextInt(100) < throttlePercent) {
                tally.count("throttle");
                return new Decision(Decision.Kind.ANSWER, 429, retryAfterSeconds, delay);
            }
            if (errorPercent > 0 && random.nextInt(100) < errorPercent) {
                tally.count("serverError");
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
