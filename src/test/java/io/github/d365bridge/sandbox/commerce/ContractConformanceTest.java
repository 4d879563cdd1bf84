package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.QueryParam;
import io.github.d365bridge.sandbox.commerce.http.TrafficLog;
import io.github.d365bridge.testing.CommerceContract;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;

/**
 * Every request and response of a scenario touching each endpoint group is validated against
 * Adobe's admin-schema-2.4.8 file. Documented relaxations, each for a stated reason:
 * request-body "required" (Commerce generates it from non-nullable getters and does not enforce it
 * on input); error {@code parameters} given as an object (Commerce sends named placeholders as an
 * object while the file types a list of such objects: the object is checked as a one-element list);
 * {@code "trace":null} (dropped before validation); source-items' {@code []} (the file declares no
 * 200 answer for it: checked against the notes); the {@code %value} placeholder and positional
 * ({@code %1}) parameters, which Magento sends and the file does not describe. Async/bulk routes are absent from the file and
 * are checked against the notes.
 */
class ContractConformanceTest {

    private static CommerceContract contract;

    @BeforeAll
    static void loadContract() {
        contract = CommerceContract.load();
    }

    @Test
    void scenarioTrafficConformsToTheContract() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(5).build())) {
            sandbox.traffic().recording(true);
            SandboxClient client = new SandboxClient(sandbox);
            runScenario(sandbox, client);
            List<TrafficLog.Exchange> exchanges = sandbox.traffic().exchanges();
            assertThat(exchanges).hasSizeGreaterThan(25);
            assertThat(contract.checkAll(exchanges)).isEmpty();
        }
    }

    @Test
    void theValidatorCatchesAResponseThatBreaksTheContract() {
        TrafficLog.Exchange broken = new TrafficLog.Exchange("GET", java.net.URI.create("http://127.0.0.1/rest/V1/products/S1"),
                null, 200, "{\"sku\":\"S1\",\"price\":\"ten\",\"status\":\"enabled\"}");
        assertThat(contract.check(broken)).isNotEmpty();
        TrafficLog.Exchange missingRequired = new TrafficLog.Exchange("GET",
                java.net.URI.create("http://127.0.0.1/rest/V1/customers/search"), null, 200,
                "{\"items\":[{\"firstname\":\"A\"}],\"total_count\":1}");
        assertThat(contract.check(missingRequired)).isNotEmpty();
        TrafficLog.Exchange unknownPlaceholder = new TrafficLog.Exchange("POST",
                java.net.URI.create("http://127.0.0.1/rest/V1/customers"), "{}", 400,
                "{\"message\":\"%bogus\",\"parameters\":{\"bogus\":\"x\"}}");
        assertThat(contract.check(unknownPlaceholder)).as("only %value and positional parameters are let through").isNotEmpty();
    }

    private static void runScenario(CommerceSandbox sandbox, SandboxClient client) {
        client.get("/rest/V1/products/SB-SIMPLE-001");
        client.get("/rest/V1/products/NOPE");
        client.get("/rest/V1/customers/search?searchCriteria[filterGroups][0][filters][0][field]=website_id"
                + "&searchCriteria[filterGroups][0][filters][0][value]=1&searchCriteria[pageSize]=5&searchCriteria[currentPage]=1");
        Map<String, Object> customer = Map.of("email", "contract@example.com", "firstname", "Con", "lastname", "Tract",
                "addresses", List.of(Map.of("firstname", "Con", "lastname", "Tract", "street", List.of("1 Way"), "city", "Austin",
                        "postcode", "78701", "country_id", "US", "telephone", "555", "default_shipping", true,
                        "region", Map.of("region_code", "TX", "region", "Texas", "region_id", 57))));
        int customerId = client.post("/rest/V1/customers", Map.of("customer", customer)).json().get("id").asInt();
        client.post("/rest/V1/customers", Map.of("customer", customer));
        client.put("/rest/V1/customers/" + customerId, Map.of("customer", Map.of("email", "contract@example.com",
                "firstname", "Con2", "lastname", "Tract")));
        Map<String, Object> company = new java.util.HashMap<>(Map.of("company_name", "Contract Co", "company_email", "co@example.com",
                "street", List.of("1 Way"), "city", "Austin", "country_id", "US", "postcode", "78701", "telephone", "555",
                "super_user_id", customerId, "customer_group_id", 1));
        company.putAll(Map.of("sales_representative_id", 1, "reject_reason", "", "rejected_at", "", "region_id", "57"));
        int companyId = client.post("/rest/V1/company/", Map.of("company", company)).json().get("id").asInt();
        client.put("/rest/V1/company/" + companyId, Map.of("company", company));
        client.get("/rest/V1/company/?searchCriteria[filterGroups][0][filters][0][field]=company_name"
                + "&searchCriteria[filterGroups][0][filters][0][value]=Contract%25&searchCriteria[filterGroups][0][filters][0][conditionType]=like");
        Map<String, Object> product = Map.of("sku", "CT-1", "name", "Contract product", "price", 10, "attribute_set_id", 4,
                "type_id", "simple", "status", 1, "visibility", 4,
                "extension_attributes", Map.of("website_ids", List.of(1), "stock_item", Map.of("qty", 5, "is_in_stock", true)),
                "custom_attributes", List.of(Map.of("attribute_code", "description", "value", "Text")));
        client.post("/rest/all/V1/products", Map.of("product", product, "saveOptions", true));
        client.put("/rest/default/V1/products/CT-1", Map.of("product", Map.of("sku", "CT-1", "name", "Store name")));
        client.post("/rest/V1/products/CT-1/links", Map.of("items", List.of(Map.of("sku", "CT-1", "link_type", "related",
                "linked_product_sku", "SB-SIMPLE-001", "linked_product_type", "simple", "position", 1))));
        client.post("/rest/V1/products/tier-prices", Map.of("prices", List.of(
                Map.of("price", 9, "price_type", "fixed", "website_id", 0, "sku", "CT-1", "customer_group", "General", "quantity", 2),
                Map.of("price", 9, "price_type", "fixed", "website_id", 0, "sku", "NOPE", "customer_group", "General", "quantity", 2))));
        client.put("/rest/V1/products/tier-prices", Map.of("prices", List.of(
                Map.of("price", 8, "price_type", "discount", "website_id", 0, "sku", "CT-1", "customer_group", "ALL GROUPS", "quantity", 1))));
        client.post("/rest/V1/products/tier-prices-delete", Map.of("prices", List.of(
                Map.of("price", 8, "price_type", "discount", "website_id", 0, "sku", "CT-1", "customer_group", "ALL GROUPS", "quantity", 1))));
        client.post("/rest/V1/products/base-prices", Map.of("prices", List.of(Map.of("price", 11, "store_id", 0, "sku", "CT-1"))));
        client.post("/rest/V1/inventory/source-items", Map.of("sourceItems",
                List.of(Map.of("sku", "CT-1", "source_code", "default", "quantity", 3, "status", 1))));
        client.post("/rest/V1/inventory/source-items", Map.of("sourceItems",
                List.of(Map.of("sku", "", "source_code", "default", "quantity", 3, "status", 1))));
        client.put("/rest/V1/products/CT-1/stockItems/1", Map.of("stockItem", Map.of("qty", 4, "is_in_stock", true)));

        ObjectNode order = sandbox.orders().place(1, OrderKind.COMPANY, true, new DeliveryPolicy(1, false, 100, false, false)).get(0);
        int orderId = order.get("entity_id").asInt();
        client.get("/rest/V1/orders?searchCriteria[filterGroups][0][filters][0][field]=updated_at"
                + "&searchCriteria[filterGroups][0][filters][0][value]=" + QueryParam.toQueryString(List.of(QueryParam.of("x", "2000-01-01 00:00:00"))).substring(2)
                + "&searchCriteria[filterGroups][0][filters][0][conditionType]=gteq&searchCriteria[sortOrders][0][field]=updated_at"
                + "&searchCriteria[sortOrders][0][direction]=ASC&searchCriteria[pageSize]=100&searchCriteria[currentPage]=1");
        client.get("/rest/V1/orders/" + orderId);
        client.post("/rest/V1/orders", Map.of("entity", Map.of("entity_id", orderId, "ext_order_id", "SO-1",
                "base_grand_total", order.get("base_grand_total"), "grand_total", order.get("grand_total"),
                "customer_email", order.get("customer_email"), "items", List.of())));
        client.post("/rest/V1/orders/" + orderId + "/comments", Map.of("statusHistory", Map.of("comment", "Imported",
                "is_customer_notified", 0, "is_visible_on_front", 0, "parent_id", orderId)));
        int invoiceId = client.post("/rest/V1/order/" + orderId + "/invoice", Map.of("capture", false, "notify", false)).json().asInt();
        client.post("/rest/V1/order/" + orderId + "/invoice", Map.of("capture", true));
        client.post("/rest/V1/invoices/" + invoiceId + "/capture", null);
        client.get("/rest/V1/invoices?searchCriteria[filterGroups][0][filters][0][field]=order_id"
                + "&searchCriteria[filterGroups][0][filters][0][value]=" + orderId);
        int shipmentId = client.post("/rest/V1/order/" + orderId + "/ship", Map.of("notify", true, "tracks",
                List.of(Map.of("track_number", "1Z1", "title", "UPS", "carrier_code", "ups")),
                "arguments", Map.of("extension_attributes", Map.of("source_code", "default")))).json().asInt();
        client.post("/rest/V1/shipment/track", Map.of("entity", Map.of("order_id", orderId, "parent_id", shipmentId,
                "track_number", "1Z2", "title", "UPS", "carrier_code", "ups", "weight", 0, "qty", 0, "description", "")));

        String uuid = client.put("/rest/all/async/bulk/V1/products/bySku", List.of(Map.of("sku", "CT-1",
                "product", Map.of("sku", "CT-1", "price", 13)), "bad")).json().get("bulk_uuid").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.bulks().count(uuid, 4) == 0);
        client.get("/rest/V1/bulk/" + uuid + "/status");
        client.get("/rest/V1/bulk/" + uuid + "/detailed-status");
        client.get("/rest/V1/bulk/" + uuid + "/operation-status/1");
        client.authorization("Bearer nope").get("/rest/V1/orders/" + orderId);
        client.authorization(null);
    }

}
