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

    static Page execute(EntityTable table, QueryOptions q, String company, int pageSize) {
        Predicate<Map<String, Object>> match = row -> row != null
                && (q.crossCompany() || company == null || !table.schema().isPerCompany()
                        || company.equalsIgnoreCase((String) row.get("dataAreaId")))
                && (q.filter() == null || q.filter().test(row));
        Long count = q.count() ? countMatches(table, match) : null;
        long limit = q.top() == null ? Long.MAX_VALUE : q.top();
        Cursor cursor = q.skipToken() == null ? new Cursor(0, 0) : Cursor.decode(q.skipToken());
        return q.orderBy().isEmpty()
                ? scan(table, q, match, cursor, limit, pageSize, count)
                : sorted(table, q, match, cursor, limit, pageSize, count);
    }

    private static Page scan(EntityTable table, QueryOptions q, Predicate<Map<String, Object>> match, Cursor cursor,
            long limit, int pageSize, Long count) {
        int size = table.scanSize();
        int position = (int) cursor.position();
        long skipLeft = q.skipToken() == null ? q.skip() : 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        while (position < size && rows.size() < pageSize && cursor.emitted() + rows.size() < limit) {
            Map<String, Object> row = table.rowAt(position++);
            if (!match.test(row)) {
                continue;
            }
            if (skipLeft > 0) {
                skipLeft--;
                continue;
            }
            rows.add(row);
        }
        long emitted = cursor.emitted() + rows.size();
        String next = null;
        if (emitted < limit && rows.size() == pageSize && anyMatchFrom(table, match, position)) {
            next = new Cursor(position, emitted).encode();
        }
        return new Page(rows, next, count);
    }

    private static Page sorted(EntityTable table, QueryOptions q, Predicate<Map<String, Object>> match, Cursor cursor,
            long limit, int pageSize, Long count) {
        List<Map<String, Object>> all = new ArrayList<>();
        int size = table.scanSize();
        for (int i = 0; i < size; i++) {
            Map<String, Object> row = table.rowAt(i);
            if (match.test(row)) {
                all.add(row);
            }
        }
        all.sort(OrderKey.comparator(q.orderBy()));
        long start = q.skipToken() == null ? q.skip() : cursor.position();
        long end = Math.min(all.size(), Math.min(start + pageSize, q.skip() + Math.min(limit, Integer.MAX_VALUE)));
        List<Map<String, Object>> rows = start >= end ? List.of() : all.subList((int) start, (int) end);
        long emitted = cursor.emitted() + rows.size();
        String next = end < all.size() && emitted < limit ? new Cursor(end, emitted).encode() : null;
        return new Page(new ArrayList<>(rows), next, count);
    }

    private static boolean anyMatchFrom(EntityTable table, Predicate<Map<String, Object>> match, int position) {
        int size = table.scanSize();
        for (int i = position; i < size; i++) {
            if (match.test(table.rowAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static long countMatches(EntityTable table, Predicate<Map<String, Object>> match) {
        long n = 0;
        int size = table.scanSize();
        for (int i = 0; i < size; i++) {
            if (match.test(table.rowAt(i))) {
                n++;
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
