package io.github.d365bridge.sandbox.commerce.search;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.FilterGroup;
import io.github.d365bridge.client.commerce.search.SortOrder;
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
