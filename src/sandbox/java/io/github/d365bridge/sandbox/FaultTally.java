package io.github.d365bridge.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Faults a sandbox actually injected, by kind ({@code throttle}, {@code answerLost}, {@code outage} …).
 * A chaos test reads it to prove every fault it configured was reached: a rule that never fired tests
 * nothing. Counts survive {@code clear()} of the fault settings, like the call counters.
 */
public final class FaultTally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long of(String kind) {
        LongAdder adder = counts.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    /** Injected faults so far, sorted by kind. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((kind, n) -> copy.put(kind, n.sum()));
        return copy;
    }

    public void reset() {
        counts.clear();
    }
}
