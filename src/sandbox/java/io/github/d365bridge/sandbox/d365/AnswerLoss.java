package io.github.d365bridge.sandbox.d365;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.d365bridge.sandbox.FaultTally;

/**
 * DMF actions whose answer is lost after D365 did the work: the job exists and runs, the write URL was
 * issued, but the caller sees a reset connection or a gateway's 502, as when a proxy or the network
 * fails on the way back. The faults a client cannot tell apart from "nothing happened", which is what
 * makes them worth testing. Per action: the next N calls, then a seeded share of the rest.
 */
public final class AnswerLoss {

    /** How the answer is lost. */
    public enum How { RESET, BAD_GATEWAY }

    public static final String KIND = "answerLost";

    private record Rule(int percent, AtomicInteger next, How how) {
    }

    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Random random;
    private final FaultTally tally;

    AnswerLoss(long seed, FaultTally tally) {
        this.random = new Random(seed ^ 0x5eedL);
        this.tally = tally;
    }

    void lose(String action, int percent, int next, How how) {
        if (percent < 0 || percent > 100 || next < 0) {
            throw new IllegalArgumentException("percent 0..100 and next >= 0, were " + percent + " and " + next);
        }
        rules.put(action, new Rule(percent, new AtomicInteger(next), how));
    }

    /** Whether the answer of this call of {@code action}, already carried out, is lost; counted when it is. */
    public Optional<How> take(String action) {
        Rule rule = rules.get(action);
        if (rule == null) {
            return Optional.empty();
        }
        boolean hit = rule.next().getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (!hit && rule.percent() > 0) {
            synchronized (random) {
                hit = random.nextInt(100) < rule.percent();
            }
        }
        if (!hit) {
            return Optional.empty();
        }
        tally.count(KIND);
        tally.count(KIND + "." + action);
        return Optional.of(rule.how());
    }

    void clear() {
        rules.clear();
    }
}
