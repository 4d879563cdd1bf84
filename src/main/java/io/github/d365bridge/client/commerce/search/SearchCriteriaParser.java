package io.github.d365bridge.client.commerce.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code searchCriteria[...]} query parameters back into a {@link SearchCriteria}, for the
 * Commerce sandbox. Accepts what Commerce accepts in key spelling (snake_case or camelCase, and
 * {@code search_criteria} for the root) but is strict about everything else, so a client bug shows
 * up as a clear 400 instead of a silently different result. Parameters outside
 * {@code searchCriteria} (such as {@code fields}) are ignored. Errors are
 * {@link IllegalArgumentException}s whose message names the offending key.
 */
public final class SearchCriteriaParser {

    /** Commerce's own default when input limits are on; without them it returns every row. */
    public static final int COMMERCE_DEFAULT_PAGE_SIZE = 20;

    private static final Pattern ROOT = Pattern.compile("^(?:searchCriteria|search_criteria)((?:\\[[^\\[\\]]*])+)$");
    private static final Pattern SEGMENT = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,3}");

    private final int defaultPageSize;

    public SearchCriteriaParser(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    public static SearchCriteriaParser withCommerceDefaults() {
        return new SearchCriteriaParser(COMMERCE_DEFAULT_PAGE_SIZE);
    }

    /** @param query decoded parameter names to their values, as servlet/JAX-RS/Functions give them */
    public SearchCriteria parse(Map<String, List<String>> query) {
        SortedMap<Integer, SortedMap<Integer, FilterParts>> groups = new TreeMap<>();
        SortedMap<Integer, SortParts> sorts = new TreeMap<>();
        Integer pageSize = null;
        Integer currentPage = null;

        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            Matcher root = ROOT.matcher(entry.getKey());
            if (!root.matches()) {
                if (entry.getKey().startsWith("searchCriteria") || entry.getKey().startsWith("search_criteria")) {
                    throw new IllegalArgumentException("Malformed search criteria key: " + entry.getKey());
                }
                continue;
            }
            String key = entry.getKey();
            String value = single(key, entry.getValue());
            List<String> path = segments(root.group(1));
            switch (canonical(path.get(0))) {
                case "filter_groups" -> {
                    expect(key, path, 5, "filters");
                    FilterParts parts = groups.computeIfAbsent(index(key, path.get(1)), g -> new TreeMap<>())
                            .computeIfAbsent(index(key, path.get(3)), f -> new FilterParts());
                    switch (canonical(path.get(4))) {
                        case "field" -> parts.field = value;
                        case "value" -> parts.value = value;
                        case "condition_type" -> parts.conditionType = value;
                        default -> throw unknown(key);
                    }
                }
                case "sort_orders" -> {
                    expect(key, path, 3, null);
                    SortParts parts = sorts.computeIfAbsent(index(key, path.get(1)), s -> new SortParts());
                    switch (canonical(path.get(2))) {
                        case "field" -> parts.field = value;
                        case "direction" -> parts.direction = value;
                        default -> throw unknown(key);
                    }
                }
                case "page_size" -> pageSize = number(key, path, value);
                case "current_page" -> currentPage = number(key, path, value);
                default -> throw unknown(key);
            }
        }
        return build(groups, sorts, pageSize, currentPage);
    }

    private SearchCriteria build(SortedMap<Integer, SortedMap<Integer, FilterParts>> groups,
            SortedMap<Integer, SortParts> sorts, Integer pageSize, Integer currentPage) {
        SearchCriteria.Builder builder = SearchCriteria.builder()
                .pageSize(pageSize == null ? defaultPageSize : pageSize)
                .currentPage(currentPage == null ? 1 : currentPage);
        groups.forEach((g, filters) -> {
            List<Filter> group = new ArrayList<>();
            filters.forEach((f, parts) -> group.add(parts.toFilter(g, f)));
            builder.filterGroup(new FilterGroup(group));
        });
        sorts.forEach((s, parts) -> {
            if (parts.field == null) {
                throw new IllegalArgumentException("searchCriteria[sort_orders][" + s + "] has no field");
            }
            builder.sortBy(new SortOrder(parts.field,
                    parts.direction == null ? SortOrder.Direction.ASC : SortOrder.Direction.parse(parts.direction)));
        });
        return builder.build();
    }

    /** Commerce maps camelCase input onto its snake_case names; so do we. */
    private static String canonical(String segment) {
        return segment.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> segments(String brackets) {
        List<String> result = new ArrayList<>();
        Matcher m = SEGMENT.matcher(brackets);
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }

    private static void expect(String key, List<String> path, int length, String third) {
        if (path.size() != length || third != null && !third.equals(path.get(2))) {
            throw unknown(key);
        }
    }

    private static int index(String key, String text) {
        if (!INDEX.matcher(text).matches()) {
            throw new IllegalArgumentException("Search criteria key " + key + " has a bad index '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static int number(String key, List<String> path, String value) {
        if (path.size() != 1) {
            throw unknown(key);
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }

    /** PHP would silently keep the last of repeated keys; a repeat here is a client bug worth seeing. */
    private static String single(String key, List<String> values) {
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException("Search criteria key " + key + " must appear exactly once");
        }
        return values.get(0);
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("Unknown search criteria key: " + key);
    }

    private static final class FilterParts {
        String field;
        String value;
        String conditionType;

        Filter toFilter(int group, int index) {
            String where = "searchCriteria[filter_groups][" + group + "][filters][" + index + "]";
            if (field == null) {
                throw new IllegalArgumentException(where + " has no field");
            }
            ConditionType type = conditionType == null
                    ? ConditionType.EQ
                    : ConditionType.fromWire(conditionType).orElseThrow(() -> new IllegalArgumentException(
                            where + " has unknown condition_type '" + conditionType + "' (one of: "
                                    + ConditionType.allWireValues() + ")"));
            return new Filter(field, value, type);
        }
    }

    private static final class SortParts {
        String field;
        String direction;
    }
}
