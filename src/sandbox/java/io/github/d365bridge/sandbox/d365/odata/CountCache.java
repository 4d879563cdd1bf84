package io.github.d365bridge.sandbox.d365.odata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Remembers {@code $count} answers per query while the table is unchanged, because a client paging
 * through 100,000 rows with {@code $count=true} asks for the same total on every page.
 */
final class CountCache {

    private static final int MAX_ENTRIES = 64;

    private final Map<String, long[]> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** The cached count for this key at this table version, or a fresh one. */
    long get(String key, long version, LongSupplier count) {
        synchronized (entries) {
            long[] entry = entries.get(key);
            if (entry != null && entry[0] == version) {
                return entry[1];
            }
        }
        long value = count.getAsLong();
        synchronized (entries) {
            entries.put(key, new long[] {version, value});
        }
        return value;
    }
}
