package io.github.d365bridge.sandbox.d365.odata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Runs a collection read with server paging. Without {@code $orderby} the rows come in scan (key)
 * order and the skip token holds the scan position, so paging through 100,000 generated rows touches
 * each row about once; with {@code $orderby} the matches are sorted and the token holds an offset.
 */
final class QueryExecutor {

    /** One page: its rows, the token of the next page (null on the last) and the total when asked. */
    record Page(List<Map<String, Object>> rows, String nextToken, Long count) {
    }

    private QueryExecutor() {
    }

    static Page execute(EntityTable table, QueryOptions q, String company, int pageSize, CountCache counts,
            String countKey) {
        Predicate<Map<String, Object>> match = row -> row != null
                && (q.crossCompany() || company == null || !table.schema().isPerCompany()
                        || company.equalsIgnoreCase((String) row.get("dataAreaId")))
                && (q.filter() == null || q.filter().test(row));
        int[][] intervals = intervals(table, q, company);
        Long count = null;
        if (q.count()) {
            count = counts == null ? countMatches(table, intervals, match)
                    : counts.get(countKey, table.version(), () -> countMatches(table, intervals, match));
        }
        long limit = q.top() == null ? Long.MAX_VALUE : q.top();
        Cursor cursor = q.skipToken() == null ? new Cursor(0, 0) : Cursor.decode(q.skipToken());
        return q.orderBy().isEmpty()
                ? scan(table, intervals, q, match, cursor, limit, pageSize, count)
                : sorted(table, intervals, q, match, cursor, limit, pageSize, count);
    }

    /**
     * The scan positions worth visiting: one company's slice of the seed rows when the generator knows
     * it, then every created row; all positions otherwise. The company is the caller's without
     * cross-company, else the one a top-level {@code dataAreaId eq '…'} of the filter pins: the read a
     * sync makes per legal entity ({@code cross-company=true&$filter=dataAreaId eq 'usmf'}) then builds
     * only that company's rows, not those of all four.
     */
    private static int[][] intervals(EntityTable table, QueryOptions q, String company) {
        int total = table.scanSize();
        String only = !table.schema().isPerCompany() ? null : q.crossCompany() ? pinnedCompany(q.filter()) : company;
        int[] range = only == null ? null : table.seedRange(only);
        return range == null ? new int[][] {{0, total}} : new int[][] {range, {table.seedSize(), total}};
    }

    /** The company an exact {@code dataAreaId eq '…'} at the top of the filter (or of one side of an and) names. */
    static String pinnedCompany(FilterNode filter) {
        if (filter instanceof FilterNode.Comparison c && c.field().name().equals("dataAreaId")
                && c.op() == FilterNode.Operator.EQ && c.literal() instanceof String value && value.indexOf('*') < 0) {
            return value;
        }
        if (filter instanceof FilterNode.And and) {
            String left = pinnedCompany(and.left());
            return left != null ? left : pinnedCompany(and.right());
        }
        return null;
    }

    private static Page scan(EntityTable table, int[][] intervals, QueryOptions q, Predicate<Map<String, Object>> match,
            Cursor cursor, long limit, int pageSize, Long count) {
        long skipLeft = q.skipToken() == null ? q.skip() : 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        int position = (int) cursor.position();
        outer:
        for (int[] interval : intervals) {
            for (int i = Math.max(interval[0], position); i < interval[1]; i++) {
                if (rows.size() >= pageSize || cursor.emitted() + rows.size() >= limit) {
                    break outer;
                }
                position = i + 1;
                Map<String, Object> row = table.rowAt(i);
                if (!match.test(row)) {
                    continue;
                }
                if (skipLeft > 0) {
                    skipLeft--;
                    continue;
                }
                rows.add(row);
            }
        }
        long emitted = cursor.emitted() + rows.size();
        String next = null;
        if (emitted < limit && rows.size() == pageSize && anyMatchFrom(table, intervals, match, position)) {
            next = new Cursor(position, emitted).encode();
        }
        return new Page(rows, next, count);
    }

    /**
     * Sorts the matches by their order-by values only, keeping each one's scan position, and builds the
     * rows of the page again from there: sorting 100,000 customers of 300 fields then costs their sort
     * values, not the rows.
     */
    private static Page sorted(EntityTable table, int[][] intervals, QueryOptions q,
            Predicate<Map<String, Object>> match, Cursor cursor, long limit, int pageSize, Long count) {
        List<OrderKey> keys = q.orderBy();
        List<Sortable> all = new ArrayList<>();
        for (int[] interval : intervals) {
            for (int i = interval[0]; i < interval[1]; i++) {
                Map<String, Object> row = table.rowAt(i);
                if (match.test(row)) {
                    Object[] values = new Object[keys.size()];
                    for (int k = 0; k < values.length; k++) {
                        values[k] = Values.comparable(keys.get(k).field(), row.get(keys.get(k).field().name()));
                    }
                    all.add(new Sortable(i, values));
                }
            }
        }
        all.sort(Sortable.comparator(keys));
        long start = q.skipToken() == null ? q.skip() : cursor.position();
        long end = Math.min(all.size(), Math.min(start + pageSize, q.skip() + Math.min(limit, Integer.MAX_VALUE)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = start; i < end; i++) {
            Map<String, Object> row = table.rowAt(all.get((int) i).position());
            if (row != null) {
                rows.add(row);
            }
        }
        long emitted = cursor.emitted() + rows.size();
        String next = end < all.size() && emitted < limit ? new Cursor(end, emitted).encode() : null;
        return new Page(rows, next, count);
    }

    /** A match reduced to its scan position and comparable order-by values. */
    private record Sortable(int position, Object[] values) {

        static java.util.Comparator<Sortable> comparator(List<OrderKey> keys) {
            return (a, b) -> {
                for (int k = 0; k < keys.size(); k++) {
                    int c = Values.compare(a.values[k], b.values[k]);
                    if (c != 0) {
                        return keys.get(k).descending() ? -c : c;
                    }
                }
                return 0;
            };
        }
    }

    private static boolean anyMatchFrom(EntityTable table, int[][] intervals, Predicate<Map<String, Object>> match,
            int position) {
        for (int[] interval : intervals) {
            for (int i = Math.max(interval[0], position); i < interval[1]; i++) {
                if (match.test(table.rowAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long countMatches(EntityTable table, int[][] intervals, Predicate<Map<String, Object>> match) {
        long n = 0;
        for (int[] interval : intervals) {
            for (int i = interval[0]; i < interval[1]; i++) {
                if (match.test(table.rowAt(i))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Where the next page starts (scan position or sorted offset) and how many rows were sent before it. */
    record Cursor(long position, long emitted) {

        String encode() {
            String plain = "v1:" + position + ":" + emitted;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = plain.split(":");
                if (parts.length != 3 || !parts[0].equals("v1")) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException e) {
                throw ODataException.badRequest("The skip token '" + token + "' is not valid.");
            }
        }
    }
}
