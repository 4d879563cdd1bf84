package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.commerce.http.TrafficLog.Exchange;
import io.github.d365bridge.testing.CommerceRequestContract;

/** The strict request check refuses what the client must never send, and accepts Commerce's spellings. */
class CommerceRequestContractTest {

    private static CommerceRequestContract contract;

    @BeforeAll
    static void load() {
        contract = CommerceRequestContract.load();
    }

    @Test
    void thePartialOrderOfTheOldWriteBackIsAViolation() {
        assertThat(contract.check(post("/rest/default/V1/orders", "{\"entity\":{\"entity_id\":5,\"ext_order_id\":\"SO-1\"}}")))
                .singleElement().asString().contains("validation.request.body.schema.required")
                .contains("base_grand_total").contains("customer_email").contains("grand_total").contains("items");
        assertThat(contract.check(post("/rest/default/V1/orders", "{\"entity\":{\"entity_id\":5,\"ext_order_id\":\"SO-1\","
                + "\"customer_email\":\"a@example.com\",\"base_grand_total\":1,\"grand_total\":1,\"items\":[{\"item_id\":1}]}}")))
                .singleElement().asString().contains("/entity/items/0").contains("sku");
        assertThat(contract.check(post("/rest/default/V1/orders", "{\"entity\":{\"entity_id\":5,\"ext_order_id\":\"SO-1\","
                + "\"customer_email\":\"a@example.com\",\"base_grand_total\":1,\"grand_total\":1,"
                + "\"items\":[{\"item_id\":1,\"sku\":\"S1\"}]}}"))).isEmpty();
    }

    @Test
    void queriesAreCheckedInAnyIndexAndEitherSpellingButUnknownKeysAreNot() {
        String query = "searchCriteria[filter_groups][3][filters][1][field]=state&searchCriteria[filter_groups][3][filters][1]"
                + "[value]=new&searchCriteria[filter_groups][3][filters][1][condition_type]=eq&searchCriteria[page_size]=5"
                + "&searchCriteria[current_page]=1";
        assertThat(contract.check(get("/rest/default/V1/orders?" + query))).isEmpty();
        String twoFilters = query + "&searchCriteria[filter_groups][4][filters][0][field]=store_id"
                + "&searchCriteria[filter_groups][4][filters][0][value]=1&searchCriteria[sort_orders][0][field]=updated_at"
                + "&searchCriteria[sort_orders][0][direction]=ASC&searchCriteria[sort_orders][1][field]=entity_id";
        assertThat(contract.check(get("/rest/default/V1/orders?" + twoFilters))).isEmpty();
        assertThat(contract.check(get("/rest/default/V1/orders?" + twoFilters + "&searchCriteria[page_size]=many")))
                .singleElement().asString().contains("validation.request.parameter.schema.type").contains("integer");
        assertThat(contract.check(get("/rest/default/V1/orders?" + query + "&searchCriteria[pageSize]=x"))).isNotEmpty();
        assertThat(contract.check(get("/rest/default/V1/orders?limit=5"))).singleElement().asString()
                .contains("validation.request.parameter.query.unexpected");
        assertThat(contract.check(get("/rest/default/V1/no-such-route"))).singleElement().asString()
                .contains("validation.request.path.missing");
    }

    @Test
    void eachElementOfABulkIsCheckedAsTheSynchronousRequest() {
        assertThat(contract.check(new Exchange("PUT", URI.create("http://127.0.0.1/rest/all/async/bulk/V1/products/bySku"),
                "[{\"sku\":\"S1\",\"product\":{\"sku\":\"S1\",\"name\":\"One\"}},{\"sku\":\"S2\",\"product\":{\"sku\":\"S2\",\"name\":7}}]",
                202, "{}"))).singleElement().asString().contains("/rest/all/V1/products/S2").contains("name");
    }

    private static Exchange post(String path, String body) {
        return new Exchange("POST", URI.create("http://127.0.0.1" + path), body, 200, "{}");
    }

    private static Exchange get(String pathAndQuery) {
        return new Exchange("GET", URI.create("http://127.0.0.1" + pathAndQuery), null, 200, "{}");
    }
}
