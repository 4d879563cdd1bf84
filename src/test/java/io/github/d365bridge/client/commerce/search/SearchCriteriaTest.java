package io.github.d365bridge.client.commerce.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.QueryParam;

class SearchCriteriaTest {

    @Test
    void rendersOrderedSnakeCaseParams() {
        SearchCriteria criteria = SearchCriteria.builder()
                .where(Filter.of("updated_at", ConditionType.GTEQ, Instant.parse("2026-01-01T00:00:00.750Z")))
                .anyOf(Filter.eq("status", "pending"), Filter.in("store_id", List.of("1", "2")))
                .sortBy(SortOrder.asc("updated_at"))
                .sortBy(SortOrder.desc("entity_id"))
                .pageSize(200)
                .currentPage(3)
                .build();

        assertThat(criteria.toQueryParams()).containsExactly(
                QueryParam.of("searchCriteria[filter_groups][0][filters][0][field]", "updated_at"),
                QueryParam.of("searchCriteria[filter_groups][0][filters][0][value]", "2026-01-01 00:00:00"),
                QueryParam.of("searchCriteria[filter_groups][0][filters][0][condition_type]", "gteq"),
                QueryParam.of("searchCriteria[filter_groups][1][filters][0][field]", "status"),
                QueryParam.of("searchCriteria[filter_groups][1][filters][0][value]", "pending"),
                QueryParam.of("searchCriteria[filter_groups][1][filters][0][condition_type]", "eq"),
                QueryParam.of("searchCriteria[filter_groups][1][filters][1][field]", "store_id"),
                QueryParam.of("searchCriteria[filter_groups][1][filters][1][value]", "1,2"),
                QueryParam.of("searchCriteria[filter_groups][1][filters][1][condition_type]", "in"),
                QueryParam.of("searchCriteria[sort_orders][0][field]", "updated_at"),
                QueryParam.of("searchCriteria[sort_orders][0][direction]", "ASC"),
                QueryParam.of("searchCriteria[sort_orders][1][field]", "entity_id"),
                QueryParam.of("searchCriteria[sort_orders][1][direction]", "DESC"),
                QueryParam.of("searchCriteria[page_size]", "200"),
                QueryParam.of("searchCriteria[current_page]", "3"));
    }

    @Test
    void encodesTheQueryString() {
        SearchCriteria criteria = SearchCriteria.builder()
                .where(Filter.of("name", ConditionType.LIKE, "%Blue & Green+%"))
                .build();

        assertThat(criteria.toQueryString()).isEqualTo(
                "searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=name"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=%25Blue%20%26%20Green%2B%25"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=like"
                + "&searchCriteria%5Bpage_size%5D=100&searchCriteria%5Bcurrent_page%5D=1");
        assertThat(QueryParam.parse(criteria.toQueryString())).isEqualTo(criteria.toQueryParams());
    }

    @Test
    void everyConditionTypeRendersItsWireName() {
        assertThat(ConditionType.allWireValues())
                .isEqualTo("eq neq gt gteq lt lteq like nlike in nin null notnull finset nfinset from to moreq");
        for (ConditionType type : ConditionType.values()) {
            Filter filter = type.valueOptional() ? new Filter("f", null, type) : Filter.of("f", type, "1");
            List<QueryParam> params = SearchCriteria.builder().where(filter).build().toQueryParams();
            assertThat(params).contains(
                    QueryParam.of("searchCriteria[filter_groups][0][filters][0][condition_type]", type.wire()));
        }
    }

    @Test
    void nullConditionsNeedNoValue() {
        List<QueryParam> params = SearchCriteria.builder().where(Filter.isNull("ext_order_id")).build().toQueryParams();
        assertThat(params).extracting(QueryParam::name).noneMatch(name -> name.endsWith("[value]"));
    }

    @Test
    void defaultsToPageOneOfHundred() {
        SearchCriteria criteria = SearchCriteria.builder().build();
        assertThat(criteria.pageSize()).isEqualTo(100);
        assertThat(criteria.currentPage()).isEqualTo(1);
        assertThat(criteria.filterGroups()).isEmpty();
    }

    @Test
    void rejectsPageSizeAboveCommerceLimitWithAClearMessage() {
        assertThatThrownBy(() -> SearchCriteria.builder().pageSize(301).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize 301")
                .hasMessageContaining("Maximum SearchCriteria pageSize is 300");
        assertThatThrownBy(() -> SearchCriteria.builder().pageSize(0).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchCriteria.builder().currentPage(0).build())
                .hasMessageContaining("1-based");
        assertThat(SearchCriteria.builder().pageSize(300).build().pageSize()).isEqualTo(300);
    }

    @Test
    void limitsEveryListToTenSoCommercesNaturalSortAgreesWithTheRfcSort() {
        SearchCriteria.Builder builder = SearchCriteria.builder();
        for (int i = 0; i < 10; i++) {
            builder.where(Filter.eq("f" + i, "v")).sortBy(SortOrder.asc("s" + i));
        }
        assertThat(builder.build().filterGroups()).hasSize(10);

        assertThatThrownBy(() -> builder.where(Filter.eq("f10", "v")).build())
                .hasMessageContaining("11 filter groups").hasMessageContaining("OAuth signature");
        Filter[] eleven = new Filter[11];
        java.util.Arrays.setAll(eleven, i -> Filter.eq("sku", "S" + i));
        assertThatThrownBy(() -> SearchCriteria.builder().anyOf(eleven).build())
                .hasMessageContaining("11 filters in one group");
        SearchCriteria.Builder sorts = SearchCriteria.builder();
        for (int i = 0; i < 11; i++) {
            sorts.sortBy(SortOrder.asc("s" + i));
        }
        assertThatThrownBy(sorts::build).hasMessageContaining("11 sort orders");
    }

    @Test
    void rejectsBadFilters() {
        assertThatThrownBy(() -> Filter.eq(" ", "x")).hasMessageContaining("field");
        assertThatThrownBy(() -> Filter.of("sku", ConditionType.GT, (String) null)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Filter.in("sku", List.of("a,b"))).hasMessageContaining("comma");
        assertThatThrownBy(() -> Filter.in("sku", List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new FilterGroup(List.of())).hasMessageContaining("at least one filter");
        assertThatThrownBy(() -> SortOrder.Direction.parse("UP")).hasMessageContaining("not supported");
    }

    @Test
    void pagesUntilTotalCountNotUntilEmpty() {
        SearchCriteria first = SearchCriteria.builder().pageSize(100).build();
        assertThat(first.isLastPage(250)).isFalse();
        SearchCriteria third = first.nextPage().nextPage();
        assertThat(third.currentPage()).isEqualTo(3);
        assertThat(third.isLastPage(250)).isTrue();
        assertThat(first.isLastPage(100)).isTrue();
        assertThat(first.isLastPage(0)).isTrue();
    }

    @Test
    void inFilterExposesItsValues() {
        assertThat(Filter.in("sku", List.of("A", "B")).values()).containsExactly("A", "B");
        assertThat(Filter.eq("sku", "A,B").values()).containsExactly("A,B");
    }
}
