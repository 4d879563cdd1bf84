package io.github.d365bridge.sandbox.commerce.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SearchCriteriaParser;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.SnakeCaseKeys;

/**
 * The searchCriteria of one list call. Filters and sorts are read by the project's
 * {@link SearchCriteriaParser}; paging is read here because the parser builds the client-side
 * {@link SearchCriteria}, which caps pageSize at 300 and always has one, while Commerce without input
 * limits accepts any size and returns every row when pageSize is missing.
 *
 * @param pageSize null means "all rows"
 */
public record SearchRequest(SearchCriteria criteria, Integer pageSize, int currentPage) {

    public static final int MAX_PAGE_SIZE = 300;

    public static SearchRequest parse(Map<String, List<String>> query, boolean inputLimits) {
        Map<String, List<String>> rest = new LinkedHashMap<>();
        Integer pageSize = null;
        Integer currentPage = null;
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String canonical = SnakeCaseKeys.snake(entry.getKey()).replace("search_criteria", "searchCriteria");
            if (canonical.equals("searchCriteria[page_size]")) {
                pageSize = number(entry);
            } else if (canonical.equals("searchCriteria[current_page]")) {
                currentPage = number(entry);
            } else {
                rest.put(entry.getKey(), entry.getValue());
            }
        }
        if (inputLimits && pageSize != null && pageSize > MAX_PAGE_SIZE) {
            throw CommerceException.positional(400, "Maximum SearchCriteria pageSize is %1", MAX_PAGE_SIZE);
        }
        if (inputLimits && pageSize == null) {
            pageSize = SearchCriteriaParser.COMMERCE_DEFAULT_PAGE_SIZE;
        }
        SearchCriteria criteria;
        try {
            criteria = new SearchCriteriaParser(1).parse(rest);
        } catch (IllegalArgumentException e) {
            throw CommerceException.badRequest(e.getMessage());
        }
        // Magento treats page size 0 and current page 0 as "not set".
        if (pageSize != null && pageSize <= 0) {
            pageSize = null;
        }
        int page = currentPage == null || currentPage < 1 ? 1 : currentPage;
        return new SearchRequest(criteria, pageSize, page);
    }

    private static int number(Map.Entry<String, List<String>> entry) {
        List<String> values = entry.getValue();
        if (values == null || values.size() != 1) {
            throw CommerceException.badRequest("Search criteria key %1 must appear exactly once", entry.getKey());
        }
        try {
            return Integer.parseInt(values.get(0).trim());
        } catch (NumberFormatException e) {
            throw CommerceException.badRequest("The \"%1\" value's type is invalid. The \"%2\" type was expected. Verify and try again.",
                    values.get(0), "int");
        }
    }
}
