package io.github.d365bridge.client.commerce.search;

import java.util.List;

/** Filters that are OR-ed together; the groups of a {@link SearchCriteria} are AND-ed. */
public record FilterGroup(List<Filter> filters) {

    public FilterGroup {
        if (filters == null || filters.isEmpty()) {
            throw new IllegalArgumentException("A filter group needs at least one filter");
        }
        filters = List.copyOf(filters);
    }

    public static FilterGroup anyOf(Filter... filters) {
        return new FilterGroup(List.of(filters));
    }
}
