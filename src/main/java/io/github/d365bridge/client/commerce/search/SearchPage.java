package io.github.d365bridge.client.commerce.search;

import java.util.List;

/**
 * One page of a Commerce search answer. {@code totalCount} counts all matches before paging, which is
 * what tells the last page apart (Commerce repeats the last page when asked past the end).
 */
public record SearchPage<T>(List<T> items, long totalCount, SearchCriteria criteria) {

    public SearchPage {
        items = List.copyOf(items);
    }

    public boolean isLast() {
        return criteria.isLastPage(totalCount);
    }
}
