package io.github.d365bridge.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies that keep the profile file's order (so validation messages and the README read in
 * file order) and treat an absent section as empty. Null entries are reported by the loader before
 * binding, so they never reach here.
 */
final class Collections2 {

    private Collections2() {
    }

    static <K, V> Map<K, V> map(Map<K, V> source) {
        return source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }

    static <T> List<T> list(List<T> source) {
        return source == null ? List.of() : List.copyOf(source);
    }
}
