package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Stock movement simulation for benchmarks: receives one more unit on a share of one legal entity's on-hand rows
 * (on hand and available both up by one), chosen by a seed, and answers exactly how many rows moved. One more
 * whole unit changes what any rounding rule publishes, so each moved row is one changed record for a stock sync.
 */
public final class OnHandChanges {

    private static final List<String> QUANTITIES = List.of("OnHandQuantity", "AvailableOnHandQuantity",
            "TotalAvailableQuantity");

    private final EntityTable onHand;

    public OnHandChanges(EntityTable onHand) {
        this.onHand = onHand;
    }

    /** Moves {@code percent} % of the legal entity's seeded rows (at least one, distinct); answers the count. */
    public synchronized int receive(String legalEntity, double percent, long seed) {
        int[] range = onHand.seedRange(legalEntity);
        int size = range[1] - range[0];
        int count = Math.max(1, (int) Math.round(size * percent / 100.0));
        if (size == 0 || percent <= 0 || count > size) {
            throw new IllegalArgumentException("percent must be above 0 and at most 100 of " + legalEntity + "'s "
                    + size + " on-hand rows, got " + percent);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (long n = 0; chosen.size() < count; n++) {
            chosen.add(range[0] + new SeedRandom(seed, 12, n).nextInt(size));
        }
        for (int index : chosen) {
            Map<String, Object> row = new HashMap<>(onHand.rowAt(index));
            for (String quantity : QUANTITIES) {
                row.put(quantity, ((BigDecimal) row.get(quantity)).add(BigDecimal.ONE));
            }
            onHand.replace(row);
        }
        return chosen.size();
    }
}
