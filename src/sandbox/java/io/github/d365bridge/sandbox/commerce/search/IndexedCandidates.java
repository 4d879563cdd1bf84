package io.github.d365bridge.sandbox.commerce.search;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import io.github.d365bridge.client.commerce.search.ConditionType;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.FilterGroup;
import io.github.d365bridge.sandbox.commerce.data.CompactTable;

/**
 * The rows a search has to look at: groups are AND-ed, so any group that is one {@code eq} or
 * {@code in} filter on an indexed field bounds the result, and the smallest such bound is taken. The
 * candidates are a superset of the hits (the matcher still decides), never a subset.
 */
final class IndexedCandidates {

    private IndexedCandidates() {
    }

    /** Candidate ids, ascending; every id when no group can use an index. */
    static int[] of(CompactTable table, List<FilterGroup> groups) {
        int[] best = null;
        for (FilterGroup group : groups) {
            if (group.filters().size() != 1) {
                continue;
            }
            int[] ids = lookUp(table, group.filters().get(0));
            if (ids != null && (best == null || ids.length < best.length)) {
                best = ids;
            }
        }
        return best != null ? best : table.ids();
    }

    private static int[] lookUp(CompactTable table, Filter filter) {
        if (!table.indexed(filter.field())) {
            return null;
        }
        if (filter.conditionType() == ConditionType.EQ && filter.value() != null) {
            return table.idsWhere(filter.field(), filter.value());
        }
        if (filter.conditionType() == ConditionType.IN) {
            TreeSet<Integer> ids = new TreeSet<>();
            for (String value : filter.values()) {
                Arrays.stream(table.idsWhere(filter.field(), value.trim())).forEach(ids::add);
            }
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }
        return null;
    }
}
