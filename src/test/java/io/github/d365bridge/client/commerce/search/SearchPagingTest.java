package io.github.d365bridge.client.commerce.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.FakeCommerce;
import io.github.d365bridge.client.commerce.FakeCommerce.Reply;
import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.client.commerce.TestClients;
import io.github.d365bridge.client.commerce.sales.Order;

/**
 * Streaming searches: pages are fetched lazily and paging stops on total_count, against a server that
 * answers every page past the end with the last page again (as Commerce commonly does).
 */
class SearchPagingTest {

    private static final int ORDERS = 2_050;

    private FakeCommerce fake;
    private CommerceClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeCommerce();
        // Guard: a client that paged past the end would otherwise read the repeated last page forever.
        fake.answer(r -> fake.requests().size() > 20 ? Reply.json(400, "{\"message\":\"test guard: too many pages\"}")
                : ordersPage(r));
        client = TestClients.oauth(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void readsEveryOrderOnceAndStopsOnTotalCount() {
        SearchCriteria criteria = SearchCriteria.builder().where(Filter.of("updated_at", ConditionType.GTEQ,
                "2026-01-01 00:00:00")).sortBy(SortOrder.asc("entity_id")).pageSize(300).build();

        List<Long> ids;
        try (Stream<Order> orders = client.orders().search(criteria)) {
            ids = orders.map(Order::entityId).toList();
        }

        assertThat(ids).hasSize(ORDERS).doesNotHaveDuplicates();
        assertThat(ids.get(ORDERS - 1)).isEqualTo(ORDERS);
        assertThat(fake.requests()).hasSize(7);
        assertThat(fake.requests()).extracting(r -> param(r, "searchCriteria[current_page]"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(fake.requests()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/rest/default/V1/orders");
            assertThat(param(r, "searchCriteria[filter_groups][0][filters][0][field]")).isEqualTo("updated_at");
        });
    }

    @Test
    void fetchesOnlyThePagesThatAreConsumed() {
        List<Order> first = client.orders().search(SearchCriteria.builder().pageSize(300).build()).limit(301).toList();
        assertThat(first).hasSize(301);
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void otherListsPageTheSameWay() {
        fake.answer(r -> Reply.ok("{\"items\":[{\"id\":1,\"email\":\"a@example.com\"}],\"total_count\":1}"));
        assertThat(client.customers().search(SearchCriteria.builder().build()).toList()).hasSize(1);
        assertThat(client.companies().search(SearchCriteria.builder().build()).toList()).hasSize(1);
        assertThat(client.invoices().listByOrder(9).toList()).hasSize(1);
        assertThat(fake.requests()).extracting(r -> r.path()).containsExactly("/rest/default/V1/customers/search",
                "/rest/default/V1/company/", "/rest/default/V1/invoices");
        assertThat(param(fake.requests().get(2), "searchCriteria[filter_groups][0][filters][0][value]")).isEqualTo("9");
    }

    /** Pages of the test's orders; a page past the end repeats the last page, as Commerce does. */
    private static Reply ordersPage(FakeCommerce.Recorded request) {
        int size = Integer.parseInt(param(request, "searchCriteria[page_size]"));
        int lastPage = (ORDERS + size - 1) / size;
        int page = Math.min(Integer.parseInt(param(request, "searchCriteria[current_page]")), lastPage);
        List<String> items = new ArrayList<>();
        for (int id = (page - 1) * size + 1; id <= Math.min(page * size, ORDERS); id++) {
            items.add("{\"entity_id\":" + id + ",\"increment_id\":\"0000" + id + "\",\"state\":\"new\","
                    + "\"grand_total\":12.5,\"items\":[{\"item_id\":" + id + ",\"sku\":\"S\",\"qty_ordered\":1}],"
                    + "\"some_field_we_do_not_map\":{\"x\":1}}");
        }
        return Reply.ok("{\"items\":[" + String.join(",", items) + "],\"search_criteria\":{},\"total_count\":" + ORDERS + "}");
    }

    private static String param(FakeCommerce.Recorded request, String name) {
        Map<String, String> params = QueryParam.parse(request.uri().getRawQuery()).stream()
                .collect(Collectors.toMap(QueryParam::name, QueryParam::value));
        return params.get(name);
    }
}
