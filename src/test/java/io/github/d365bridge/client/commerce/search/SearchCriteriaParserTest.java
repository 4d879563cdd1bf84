package io.github.d365bridge.client.commerce.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.QueryParam;

class SearchCriteriaParserTest {

    private final SearchCriteriaParser parser = SearchCriteriaParser.withCommerceDefaults();

    @Test
    void roundTripsWhatTheBuilderRenders() {
        SearchCriteria original = SearchCriteria.builder()
                .where(Filter.of("updated_at", ConditionType.FROM, "2026-01-01 00:00:00"))
                .where(Filter.of("updated_at", ConditionType.TO, "2026-02-01 00:00:00"))
                .anyOf(Filter.eq("status", "pending"), Filter.notIn("store_id", List.of("3", "4")),
                        Filter.notNull("customer_id"), Filter.of("name", ConditionType.LIKE, "%a b&c=d%"))
                .sortBy(SortOrder.desc("created_at"))
                .pageSize(50)
                .currentPage(2)
                .build();

        // Through the wire form: encoded query string, decoded again as a server would.
        Map<String, List<String>> received = multimap(QueryParam.parse(original.toQueryString()));

        assertThat(parser.parse(received)).isEqualTo(original);
    }

    @Test
    void acceptsCamelCaseKeysAndTheNotesExample() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("searchCriteria[filterGroups][0][filters][0][field]", List.of("updated_at"));
        query.put("searchCriteria[filterGroups][0][filters][0][value]", List.of("2026-01-01 00:00:00"));
        query.put("searchCriteria[filterGroups][0][filters][0][conditionType]", List.of("gteq"));
        query.put("searchCriteria[sortOrders][0][field]", List.of("updated_at"));
        query.put("searchCriteria[sortOrders][0][direction]", List.of("asc"));
        query.put("searchCriteria[pageSize]", List.of("100"));
        query.put("searchCriteria[currentPage]", List.of("1"));
        query.put("fields", List.of("items[entity_id],total_count"));

        SearchCriteria expected = SearchCriteria.builder()
                .where(Filter.of("updated_at", ConditionType.GTEQ, "2026-01-01 00:00:00"))
                .sortBy(SortOrder.asc("updated_at"))
                .pageSize(100)
                .build();
        assertThat(parser.parse(query)).isEqualTo(expected);
    }

    @Test
    void mixesSpellingsAndSortsIndicesNumerically() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("search_criteria[filter_groups][10][filters][0][field]", List.of("b"));
        query.put("searchCriteria[filterGroups][10][filters][0][value]", List.of("2"));
        query.put("searchCriteria[filter_groups][2][filters][0][field]", List.of("a"));
        query.put("searchCriteria[filter_groups][2][filters][0][value]", List.of("1"));

        SearchCriteria parsed = parser.parse(query);

        assertThat(parsed.filterGroups()).extracting(g -> g.filters().get(0).field()).containsExactly("a", "b");
        assertThat(parsed.filterGroups().get(0).filters().get(0).conditionType()).isEqualTo(ConditionType.EQ);
    }

    @Test
    void usesItsDefaultPageSizeWhenAbsent() {
        assertThat(parser.parse(Map.of()).pageSize()).isEqualTo(20);
        assertThat(new SearchCriteriaParser(300).parse(Map.of()).pageSize()).isEqualTo(300);
    }

    @Test
    void reportsBadInputNamingTheKey() {
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[pageSize]", List.of("500"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Maximum SearchCriteria pageSize is 300");
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[pageSize]", List.of("ten"))))
                .hasMessageContaining("searchCriteria[pageSize]");
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[page]", List.of("1"))))
                .hasMessageContaining("Unknown search criteria key: searchCriteria[page]");
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[filter_groups][x][filters][0][field]", List.of("a"))))
                .hasMessageContaining("bad index");
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[filter_groups][0][filters][0][value]", List.of("a"))))
                .hasMessageContaining("has no field");
        assertThatThrownBy(() -> parser.parse(Map.of(
                        "searchCriteria[filter_groups][0][filters][0][field]", List.of("a"),
                        "searchCriteria[filter_groups][0][filters][0][condition_type]", List.of("EQ"))))
                .hasMessageContaining("unknown condition_type 'EQ'");
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[currentPage]", List.of("1", "2"))))
                .hasMessageContaining("exactly once");
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[pageSize", List.of("1"))))
                .hasMessageContaining("Malformed");
        assertThatThrownBy(() -> parser.parse(Map.of("searchCriteria[sort_orders][0][direction]", List.of("DOWN"))))
                .hasMessageContaining("no field");
    }

    private static Map<String, List<String>> multimap(List<QueryParam> params) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (QueryParam p : params) {
            map.computeIfAbsent(p.name(), k -> new java.util.ArrayList<>()).add(p.value());
        }
        return map;
    }
}
