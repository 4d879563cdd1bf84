package io.github.d365bridge.sandbox.commerce.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.FilterGroup;
import io.github.d365bridge.client.commerce.search.SortOrder;
import io.github.d365bridge.sandbox.commerce.data.CompactTable;
import io.github.d365bridge.ground.Json;

/**
 * Runs a {@link SearchRequest} over stored rows and writes Commerce's list answer
 * {@code {"items":[…],"search_criteria":{…},"total_count":N}}: groups AND-ed, filters inside a group
 * OR-ed, sort orders in the given order (then by id, as SQL without ORDER BY tends to give),
 * {@code total_count} before paging, and a page past the end answered with the last page again.
 */
public final class SearchExecutor {

    private SearchExecutor() {
    }

    public static ObjectNode search(Collection<ObjectNode> rows, String idField, SearchRequest request) {
        List<ObjectNode> hits = rows.stream().filter(row -> matchesAll(row, request.criteria().filterGroups())).toList();
        return answer(hits, idField, request);
    }

    /**
     * The same search over a {@link CompactTable}, reading only the rows it must: a filter group that is
     * a single {@code eq} or {@code in} on an indexed field narrows the candidates through the index (as
     * MySQL would), and a search without filters or sort orders reads only the rows of its page. Every
     * candidate still goes through the same matcher, so the answer is the one a full scan gives.
     */
    public static ObjectNode search(CompactTable table, SearchRequest request) {
        List<FilterGroup> groups = request.criteria().filterGroups();
        int[] candidates = IndexedCandidates.of(table, groups);
        if (groups.isEmpty() && request.criteria().sortOrders().isEmpty() && request.pageSize() != null) {
            return pageOfIds(table, candidates, request);
        }
        List<ObjectNode> hits = new ArrayList<>();
        for (int id : candidates) {
            table.get(id).filter(row -> matchesAll(row, groups)).ifPresent(hits::add);
        }
        return answer(hits, table.idField(), request);
    }

    private static ObjectNode pageOfIds(CompactTable table, int[] ids, SearchRequest request) {
        int size = request.pageSize();
        int lastPage = Math.max(1, (ids.length + size - 1) / size);
        int from = (Math.min(request.currentPage(), lastPage) - 1) * size;
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode items = answer.putArray("items");
        for (int i = from; i < Math.min(from + size, ids.length); i++) {
            table.get(ids[i]).ifPresent(items::add);
        }
        answer.set("search_criteria", echo(request));
        answer.put("total_count", ids.length);
        return answer;
    }

    private static ObjectNode answer(List<ObjectNode> hits, String idField, SearchRequest request) {
        Comparator<ObjectNode> order = (a, b) -> 0;
        for (SortOrder sort : request.criteria().sortOrders()) {
            Comparator<ObjectNode> by = (a, b) -> FilterMatcher.compare(text(a, sort.field()), text(b, sort.field()));
            order = order.thenComparing(sort.direction() == SortOrder.Direction.DESC ? by.reversed() : by);
        }
        order = order.thenComparing((a, b) -> FilterMatcher.compare(text(a, idField), text(b, idField)));
        List<ObjectNode> sorted = hits.stream().sorted(order).toList();
        List<ObjectNode> page = sorted;
        if (request.pageSize() != null) {
            int size = request.pageSize();
            int lastPage = Math.max(1, (sorted.size() + size - 1) / size);
            int current = Math.min(request.currentPage(), lastPage);
            int from = (current - 1) * size;
            page = sorted.subList(Math.min(from, sorted.size()), Math.min(from + size, sorted.size()));
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        ArrayNode items = answer.putArray("items");
        page.forEach(row -> items.add(row.deepCopy()));
        answer.set("search_criteria", echo(request));
        answer.put("total_count", sorted.size());
        return answer;
    }

    private static boolean matchesAll(ObjectNode row, List<FilterGroup> groups) {
        for (FilterGroup group : groups) {
            boolean any = false;
            for (Filter filter : group.filters()) {
                any |= FilterMatcher.matches(row, filter);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static String text(ObjectNode row, String field) {
        var node = row.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** The criteria as Commerce echoes them, snake_case. */
    private static ObjectNode echo(SearchRequest request) {
        ObjectNode criteria = Json.mapper().createObjectNode();
        ArrayNode groups = criteria.putArray("filter_groups");
        for (FilterGroup group : request.criteria().filterGroups()) {
            ArrayNode filters = groups.addObject().putArray("filters");
            for (Filter filter : group.filters()) {
                filters.addObject().put("field", filter.field())
                        .put("value", filter.value() == null ? "" : filter.value())
                        .put("condition_type", filter.conditionType().wire());
            }
        }
        if (!request.criteria().sortOrders().isEmpty()) {
            ArrayNode sorts = criteria.putArray("sort_orders");
            request.criteria().sortOrders().forEach(s -> sorts.addObject().put("field", s.field())
                    .put("direction", s.direction().name()));
        }
        if (request.pageSize() != null) {
            criteria.put("page_size", request.pageSize());
        }
        criteria.put("current_page", request.currentPage());
        return criteria;
    }
}
