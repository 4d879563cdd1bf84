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

import io.github.d365bridge.sandbox.FaultTally;
import io.github.d365bridge.sandbox.OutageWindow;

/**
 * Programmatic fault injection, the same settings the {@code /_sandbox/faults} control endpoint
 * changes: whole-call faults (throttling, 500, proxy 502/503, latency) by rule, per-row failures in
 * async bulk operations and tier-price calls, and call counters per route so a test can prove how
 * often its client really called. Percentages draw from a random seeded by the options' seed, so a
 * run is repeatable. Rules of kind {@code ANSWER_LOST_*} let the call run and lose its answer; the
 * {@link #outage()} window takes the whole store down. Every injected fault is counted by kind in
 * {@link #injected()}.
 */
public final class SandboxFaults {

    /** What to do with a bulk operation at a given position of its bulk. */
    public enum BulkFailure { RETRIABLE, PERMANENT }

    /**
     * Fails the operations whose element has {@code value} at {@code pointer} (a JSON pointer into the
     * element as sent, e.g. {@code /customer/email}; compared case-insensitively).
     */
    public record BulkFailureWhere(String pointer, String value, BulkFailure failure) {
        boolean matches(com.fasterxml.jackson.databind.JsonNode element) {
            com.fasterxml.jackson.databind.JsonNode found = element == null ? null : element.at(pointer);
            return found != null && found.isValueNode() && found.asText().equalsIgnoreCase(value);
        }
    }

    private final List<RuleState> rules = new ArrayList<>();
    private final Map<Integer, BulkFailure> bulkItems = new ConcurrentHashMap<>();
    private final List<BulkFailureWhere> bulkWhere = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> tierPriceSkus = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Random random;
    private final FaultTally tally = new FaultTally();
    private final OutageWindow outage = new OutageWindow(java.time.Clock.systemUTC(), tally);

    public SandboxFaults(long seed) {
        this.random = new Random(seed);
    }

    /** The window in which the store drops every connection (REST, control and key routes alike). */
    public OutageWindow outage() {
        return outage;
    }

    /** Faults injected so far by kind ({@code throttle}, {@code serverError}, {@code answerLost}, {@code outage} …). */
    public Map<String, Long> injected() {
        return tally.snapshot();
    }

    /**
     * Counts a fault that hit a call; answer-lost faults are counted by {@link #answerLost} once the call
     * really ran, since a call that failed on its own had no answer worth losing.
     */
    private void counted(FaultRule rule) {
        if (!rule.kind().losesAnswer()) {
            tally.count(rule.kind().tallyName());
        }
    }

    /** Counts an answer lost after its call was carried out on {@code routeKey}. */
    public void answerLost(String routeKey) {
        tally.count("answerLost");
        tally.count("answerLost." + routeKey);
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
        bulkWhere.clear();
        tierPriceSkus.clear();
        outage.clear();
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
                counted(rule);
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

    /** Operations of bulks submitted from now on whose element matches fail so (see {@link BulkFailureWhere}). */
    public SandboxFaults failBulkOperationsWhere(String pointer, String value, BulkFailure failure) {
        bulkWhere.add(new BulkFailureWhere(pointer, value, failure));
        return this;
    }

    /** The planned failure of the element at {@code position}: by position first, then by content. */
    public Optional<BulkFailure> bulkItemFailure(int position, com.fasterxml.jackson.databind.JsonNode element) {
        return bulkItemFailure(position).or(() -> bulkWhere.stream().filter(w -> w.matches(element))
                .map(BulkFailureWhere::failure).findFirst());
    }

    public List<BulkFailureWhere> bulkFailuresWhere() {
        return List.copyOf(bulkWhere);
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

    /** Forgets the call counters and the injected-fault counts. */
    public void resetCalls() {
        calls.clear();
        tally.reset();
    }
}
