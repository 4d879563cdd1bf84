package io.github.d365bridge.sandbox.commerce.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Programmatic fault injection, the same settings the {@code /_sandbox/faults} control endpoint
 * changes: whole-call faults (throttling, 500, proxy 502/503, latency) by rule, per-row failures in
 * async bulk operations and tier-price calls, and call counters per route so a test can prove how
 * often its client really called. Percentages draw from a random seeded by the options' seed, so a
 * run is repeatable.
 */
public final class SandboxFaults {

    /** What to do with a bulk operation at a given position of its bulk. */
    public enum BulkFailure { RETRIABLE, PERMANENT }

    private final List<RuleState> rules = new ArrayList<>();
    private final Map<Integer, BulkFailure> bulkItems = new ConcurrentHashMap<>();
    private final Set<String> tierPriceSkus = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Random random;

    public SandboxFaults(long seed) {
        this.random = new Random(seed);
    }

    private static final class RuleState {
        final FaultRule rule;
        int used;

        RuleState(FaultRule rule) {
            this.rule = rule;
        }
    }

    public synchronized SandboxFaults add(FaultRule rule) {
        rules.add(new RuleState(rule));
        return this;
    }

    /** Removes every rule and row failure; call counters stay (see {@link #resetCalls()}). */
    public synchronized void clear() {
        rules.clear();
        bulkItems.clear();
        tierPriceSkus.clear();
    }

    public synchronized List<FaultRule> rules() {
        return rules.stream().map(r -> r.rule).toList();
    }

    /** The fault for this call, if a rule hits it; counts the call either way. */
    public synchronized Optional<FaultRule> decide(String routeKey) {
        calls.computeIfAbsent(routeKey, k -> new AtomicInteger()).incrementAndGet();
        for (RuleState state : rules) {
            FaultRule rule = state.rule;
            if (!rule.appliesTo(routeKey) || rule.times() >= 0 && state.used >= rule.times()) {
                continue;
            }
            if (rule.percent() >= 100 || random.nextInt(100) < rule.percent()) {
                state.used++;
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Operations at these positions (0-based, in every bulk submitted from now on) fail so. */
    public SandboxFaults failBulkItems(BulkFailure failure, Collection<Integer> positions) {
        positions.forEach(p -> bulkItems.put(p, failure));
        return this;
    }

    public Optional<BulkFailure> bulkItemFailure(int position) {
        return Optional.ofNullable(bulkItems.get(position));
    }

    public Map<Integer, BulkFailure> bulkItemFailures() {
        return new TreeMap<>(bulkItems);
    }

    /** Tier-price rows for these SKUs are refused as failed rows (the rest of the call is saved). */
    public SandboxFaults failTierPriceRows(Collection<String> skus) {
        tierPriceSkus.addAll(skus);
        return this;
    }

    public boolean tierPriceRowFails(String sku) {
        return tierPriceSkus.contains(sku);
    }

    public Set<String> tierPriceFailures() {
        return Set.copyOf(tierPriceSkus);
    }

    /** Calls seen for a route key such as {@code GET /V1/orders}, faulted ones included. */
    public int calls(String routeKey) {
        AtomicInteger count = calls.get(routeKey);
        return count == null ? 0 : count.get();
    }

    public Map<String, Integer> calls() {
        Map<String, Integer> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public void resetCalls() {
        calls.clear();
    }
}
