package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.search.ConditionType;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SortOrder;
import io.github.d365bridge.sandbox.commerce.SandboxClient.Exchange;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;

class SalesAndSearchTest {

    private static CommerceSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(25).build());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static final DeliveryPolicy SILENT = new DeliveryPolicy(1, false, 100, false, false);

    @Test
    void invoiceAndShipmentMoveTheOrderFromNewToComplete() {
        ObjectNode order = sandbox.orders().place(1, OrderKind.CUSTOMER, true, SILENT).get(0);
        int id = order.get("entity_id").asInt();
        JsonNode parent = order.get("items").get(0);
        assertThat(order.get("state").asText()).isEqualTo("new");

        Exchange partial = client.post("/rest/V1/order/" + id + "/invoice", Map.of("capture", true,
                "items", List.of(Map.of("order_item_id", parent.get("item_id").asInt(), "qty", 1))));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().isInt()).isTrue();
        ObjectNode afterPartial = sandbox.data().order(id).orElseThrow();
        assertThat(afterPartial.get("state").asText()).isEqualTo("processing");
        assertThat(afterPartial.get("items").get(0).get("qty_invoiced").asDouble()).isEqualTo(1.0);
        assertThat(afterPartial.get("items").get(1).get("qty_invoiced").asDouble()).isEqualTo(1.0);

        assertThat(client.post("/rest/V1/order/" + id + "/invoice", Map.of("capture", false)).status()).isEqualTo(200);
        Exchange again = client.post("/rest/V1/order/" + id + "/invoice", Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText()).endsWith("The order does not allow an invoice to be created.");

        Exchange shipped = client.post("/rest/V1/order/" + id + "/ship", Map.of("notify", true,
                "tracks", List.of(Map.of("track_number", "1Z999", "title", "UPS", "carrier_code", "ups"))));
        assertThat(shipped.status()).isEqualTo(200);
        int shipmentId = shipped.json().asInt();
        ObjectNode complete = sandbox.data().order(id).orElseThrow();
        assertThat(complete.get("state").asText()).isEqualTo("complete");
        assertThat(complete.get("status").asText()).isEqualTo("complete");
        assertThat(complete.get("items").get(0).get("qty_shipped").asDouble()).isEqualTo(parent.get("qty_ordered").asDouble());

        Exchange track = client.post("/rest/V1/shipment/track", Map.of("entity", Map.of("order_id", id, "parent_id", shipmentId,
                "track_number", "1Z888", "title", "UPS", "carrier_code", "ups", "weight", 0, "qty", 0, "description", "")));
        assertThat(track.status()).isEqualTo(200);
        assertThat(track.json().get("entity_id").asInt()).isPositive();

        Exchange invoices = client.get("/rest/V1/invoices?searchCriteria[filter_groups][0][filters][0][field]=order_id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=" + id);
        assertThat(invoices.json().get("total_count").asInt()).isEqualTo(2);
        int open = invoices.json().get("items").get(1).get("entity_id").asInt();
        boolean online = !List.of("checkmo", "banktransfer", "purchaseorder").contains(complete.at("/payment/method").asText());
        assertThat(client.post("/rest/V1/invoices/" + open + "/capture", null).status()).isEqualTo(online ? 200 : 400);
    }

    @Test
    void extOrderIdWriteBackAndCommentsAnswerLikeCommerce() {
        ObjectNode placed = sandbox.orders().place(1, OrderKind.GUEST, false, SILENT).get(0);
        int id = placed.get("entity_id").asInt();
        Exchange partial = client.post("/rest/V1/orders", Map.of("entity", Map.of("entity_id", id, "ext_order_id", "SO-000123")));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("message").asText()).isEqualTo("\"%fieldName\" is required. Enter and try again.");
        assertThat(partial.json().at("/parameters/fieldName").asText()).isEqualTo("entity.base_grand_total");
        assertThat(sandbox.data().order(id).orElseThrow().has("ext_order_id")).as("nothing saved").isFalse();

        Exchange itemWithoutSku = client.post("/rest/V1/orders", Map.of("entity", Map.of("entity_id", id,
                "ext_order_id", "SO-000123", "base_grand_total", placed.get("base_grand_total"),
                "grand_total", placed.get("grand_total"), "customer_email", placed.get("customer_email"),
                "items", List.of(Map.of("item_id", placed.at("/items/0/item_id").asInt())))));
        assertThat(itemWithoutSku.status()).isEqualTo(400);
        assertThat(itemWithoutSku.json().at("/parameters/fieldName").asText()).isEqualTo("entity.items[0].sku");

        Exchange saved = client.post("/rest/V1/orders", Map.of("entity", Map.of("entity_id", id,
                "ext_order_id", "SO-000123", "base_grand_total", placed.get("base_grand_total"),
                "grand_total", placed.get("grand_total"), "customer_email", placed.get("customer_email"),
                "items", List.of(Map.of("item_id", placed.at("/items/0/item_id").asInt(),
                        "sku", placed.at("/items/0/sku").asText())))));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("ext_order_id").asText()).isEqualTo("SO-000123");
        Exchange incompleteComment = client.post("/rest/V1/orders/" + id + "/comments", Map.of("statusHistory",
                Map.of("comment", "Imported as SO-000123")));
        assertThat(incompleteComment.status()).isEqualTo(400);
        assertThat(incompleteComment.json().at("/parameters/fieldName").asText()).isEqualTo("status_history.is_customer_notified");
        Exchange comment = client.post("/rest/V1/orders/" + id + "/comments", Map.of("statusHistory", Map.of("comment",
                "Imported as SO-000123", "is_customer_notified", 0, "is_visible_on_front", 0, "parent_id", id)));
        assertThat(comment.responseBody()).isEqualTo("true");
        assertThat(sandbox.data().order(id).orElseThrow().get("status_histories")).hasSize(1);
        assertThat(client.get("/rest/V1/orders/999999").status()).isEqualTo(404);
    }

    @Test
    void searchCriteriaGroupsAreAndedFiltersOredAndPagingRepeatsTheLastPage() {
        SearchCriteria criteria = SearchCriteria.builder()
                .anyOf(Filter.eq("store_id", "1"), Filter.eq("store_id", "2"))
                .where(Filter.of("grand_total", ConditionType.GT, "0"))
                .sortBy(SortOrder.desc("grand_total")).pageSize(10).currentPage(1).build();
        JsonNode first = client.get("/rest/V1/orders?" + criteria.toQueryString()).json();
        int total = first.get("total_count").asInt();
        assertThat(total).isEqualTo(sandbox.data().orders().size());
        assertThat(first.get("items")).hasSize(Math.min(10, total));
        assertThat(first.get("items").get(0).get("grand_total").asDouble())
                .isGreaterThanOrEqualTo(first.get("items").get(1).get("grand_total").asDouble());
        int lastPage = (total + 9) / 10;
        JsonNode last = client.get("/rest/V1/orders?" + page(criteria, lastPage)).json();
        JsonNode past = client.get("/rest/V1/orders?" + page(criteria, lastPage + 3)).json();
        assertThat(past.get("items")).isEqualTo(last.get("items"));
        assertThat(past.get("total_count").asInt()).isEqualTo(total);

        JsonNode none = client.get("/rest/V1/orders?searchCriteria[filterGroups][0][filters][0][field]=store_id"
                + "&searchCriteria[filterGroups][0][filters][0][value]=1&searchCriteria[filterGroups][1][filters][0][field]=store_id"
                + "&searchCriteria[filterGroups][1][filters][0][value]=2").json();
        assertThat(none.get("total_count").asInt()).isZero();
        JsonNode in = client.get("/rest/V1/customers/search?searchCriteria[filter_groups][0][filters][0][field]=id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=1,2,3&searchCriteria[filter_groups][0][filters][0][condition_type]=in")
                .json();
        assertThat(in.get("total_count").asInt()).isEqualTo(3);
        assertThat(in.get("search_criteria").get("filter_groups").get(0).get("filters").get(0).get("condition_type").asText())
                .isEqualTo("in");
        JsonNode guests = client.get("/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=customer_id"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=null").json();
        assertThat(guests.get("items")).allSatisfy(o -> assertThat(o.get("customer_is_guest").asInt()).isEqualTo(1));
    }

    @Test
    void inputLimitsRejectLargePagesAndDefaultToTwenty() {
        try (CommerceSandbox limited = CommerceSandbox.start(CommerceSandboxOptions.builder().inputLimits(true).seedOrders(25).build())) {
            SandboxClient limitedClient = new SandboxClient(limited);
            Exchange big = limitedClient.get("/rest/V1/orders?searchCriteria[pageSize]=301");
            assertThat(big.status()).isEqualTo(400);
            assertThat(big.json().get("message").asText()).isEqualTo("Maximum SearchCriteria pageSize is %1");
            assertThat(big.json().get("parameters").get(0).asInt()).isEqualTo(300);
            assertThat(limitedClient.get("/rest/V1/orders").json().get("items")).hasSize(20);
        }
        assertThat(client.get("/rest/V1/orders").json().get("items").size()).isEqualTo(sandbox.data().orders().size());
        assertThat(client.get("/rest/V1/orders?searchCriteria[pageSize]=500").status()).isEqualTo(200);
    }

    private static String page(SearchCriteria criteria, int page) {
        return new SearchCriteria(criteria.filterGroups(), criteria.sortOrders(), criteria.pageSize(), page).toQueryString();
    }
}
