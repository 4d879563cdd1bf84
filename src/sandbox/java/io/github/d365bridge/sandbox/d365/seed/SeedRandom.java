package io.github.d365bridge.sandbox.d365.seed;

import java.util.List;
import java.util.SplittableRandom;

/** One deterministic random stream per (seed, set, row), so any row can be computed on its own. */
final class SeedRandom {

    private final SplittableRandom random;

    SeedRandom(long seed, int set, long index) {
        long mixed = seed * 0x9E3779B97F4A7C15L + set * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        this.random = new SplittableRandom(mixed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean oneIn(int n) {
        return random.nextInt(n) == 0;
    }

    /** True in {@code percent} of 100 draws. */
    boolean percent(int percent) {
        return random.nextInt(100) < percent;
    }

    /** True in {@code perMille} of 1,000 draws. */
    boolean perMille(int perMille) {
        return random.nextInt(1000) < perMille;
    }
}
