package io.github.d365bridge.client.commerce.search;

import java.util.ArrayList;
import java.util.List;

import io.github.d365bridge.client.commerce.QueryParam;

/**
 * The options object for Commerce list and search calls ({@code GET ...?searchCriteria[...]}):
 * filter groups (AND of ORs), sort orders and paging. Immutable; build with {@link #builder()}.
 *
 * @param currentPage 1-based, as Commerce counts
 */
public record SearchCriteria(List<FilterGroup> filterGroups, List<SortOrder> sortOrders, int pageSize, int currentPage) {

    /** Commerce refuses larger pages when input limits are on, and large pages are slow anyway. */
    public static final int MAX_PAGE_SIZE = 300;
    public static final int DEFAULT_PAGE_SIZE = 100;
    /**
     * At most ten filter groups, filters per group and sort orders, so every index is one digit.
     * Commerce checks OAuth signatures with Laminas OAuth, which sorts parameter names with PHP's
     * natural order ({@code strnatcmp}: index 2 before 10), while RFC 5849 sorts bytes (10 before 2);
     * with one-digit indices both orders agree and signed searches are accepted. More conditions
     * fit in an {@code in} filter.
     */
    public static final int MAX_ENTRIES = 10;

    private static final String PREFIX = "searchCriteria";

    public SearchCriteria {
        filterGroups = List.copyOf(filterGroups);
        sortOrders = List.copyOf(sortOrders);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("searchCriteria pageSize " + pageSize + " is outside 1-" + MAX_PAGE_SIZE
                    + " (Commerce: \"Maximum SearchCriteria pageSize is " + MAX_PAGE_SIZE
                    + "\"); read more rows by paging with currentPage");
        }
        checkCount("filter groups", filterGroups.size());
        filterGroups.forEach(group -> checkCount("filters in one group", group.filters().size()));
        checkCount("sort orders", sortOrders.size());
        if (currentPage < 1) {
            throw new IllegalArgumentException("searchCriteria currentPage " + currentPage + " must be 1 or more (1-based)");
        }
    }

    private static void checkCount(String what, int count) {
        if (count > MAX_ENTRIES) {
            throw new IllegalArgumentException("searchCriteria has " + count + " " + what + "; at most " + MAX_ENTRIES
                    + " keep the OAuth signature valid on Commerce (it sorts index 10 after 2, RFC 5849 before);"
                    + " combine values with an 'in' filter instead");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same query one page further. */
    public SearchCriteria nextPage() {
        return new SearchCriteria(filterGroups, sortOrders, pageSize, currentPage + 1);
    }

    /**
     * Whether this page is the last one for a result of {@code totalCount} rows. Commerce may answer a
     * page past the end with the last page again, so loops must stop on this, not on an empty page.
     */
    public boolean isLastPage(long totalCount) {
        return (long) currentPage * pageSize >= totalCount;
    }

    /** Query parameters in a stable order, snake_case keys, values not yet encoded. */
    public List<QueryParam> toQueryParams() {
        List<QueryParam> params = new ArrayList<>();
        for (int g = 0; g < filterGroups.size(); g++) {
            List<Filter> filters = filterGroups.get(g).filters();
            for (int f = 0; f < filters.size(); f++) {
                Filter filter = filters.get(f);
                String key = PREFIX + "[filter_groups][" + g + "][filters][" + f + "]";
                params.add(QueryParam.of(key + "[field]", filter.field()));
                if (filter.value() != null) {
                    params.add(QueryParam.of(key + "[value]", filter.value()));
                }
                params.add(QueryParam.of(key + "[condition_type]", filter.conditionType().wire()));
            }
        }
        for (int s = 0; s < sortOrders.size(); s++) {
            SortOrder sort = sortOrders.get(s);
            params.add(QueryParam.of(PREFIX + "[sort_orders][" + s + "][field]", sort.field()));
            params.add(QueryParam.of(PREFIX + "[sort_orders][" + s + "][direction]", sort.direction().name()));
        }
        params.add(QueryParam.of(PREFIX + "[page_size]", Integer.toString(pageSize)));
        params.add(QueryParam.of(PREFIX + "[current_page]", Integer.toString(currentPage)));
        return params;
    }

    /** The encoded query string, without the leading {@code ?}. */
    public String toQueryString() {
        return QueryParam.toQueryString(toQueryParams());
    }

    /** Collects the parts; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final List<FilterGroup> groups = new ArrayList<>();
        private final List<SortOrder> sorts = new ArrayList<>();
        private int pageSize = DEFAULT_PAGE_SIZE;
        private int currentPage = 1;

        private Builder() {
        }

        /** Adds a condition that must hold (its own group, AND-ed with the others). */
        public Builder where(Filter filter) {
            groups.add(FilterGroup.anyOf(filter));
            return this;
        }

        /** Adds a group of which at least one condition must hold (OR inside, AND with the others). */
        public Builder anyOf(Filter... filters) {
            groups.add(FilterGroup.anyOf(filters));
            return this;
        }

        public Builder filterGroup(FilterGroup group) {
            groups.add(group);
            return this;
        }

        public Builder sortBy(SortOrder order) {
            sorts.add(order);
            return this;
        }

        public Builder pageSize(int value) {
            this.pageSize = value;
            return this;
        }

        public Builder currentPage(int value) {
            this.currentPage = value;
            return this;
        }

        public SearchCriteria build() {
            return new SearchCriteria(groups, sorts, pageSize, currentPage);
        }
    }
}
