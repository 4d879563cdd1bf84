package io.github.d365bridge.sandbox.d365.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Product change simulation for benchmarks: renames a share of the shared products ({@code ProductsV2}),
 * chosen by a seed, and answers exactly which. A rename changes every released product of the product in
 * every legal entity for a catalog sync (the name is global), so the count is of items, not of rows.
 */
public final class ProductChanges {

    private final EntityTable products;

    public ProductChanges(EntityTable products) {
        this.products = products;
    }

    /** Renames {@code percent} % of the seeded products (at least one), distinct, and answers their numbers. */
    public synchronized List<String> rename(double percent, long seed) {
        int size = products.seedSize();
        int count = Math.max(1, (int) Math.round(size * percent / 100.0));
        if (percent <= 0 || count > size) {
            throw new IllegalArgumentException("percent must be above 0 and at most 100, got " + percent);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (long n = 0; chosen.size() < count; n++) {
            chosen.add(new SeedRandom(seed, 9, n).nextInt(size));
        }
        List<String> renamed = new ArrayList<>();
        for (int index : chosen) {
            Map<String, Object> row = new HashMap<>(products.rowAt(index));
            row.put("ProductName", row.get("ProductName") + " (renamed " + seed + ")");
            products.replace(row);
            renamed.add((String) row.get("ProductNumber"));
        }
        return renamed;
    }
}
