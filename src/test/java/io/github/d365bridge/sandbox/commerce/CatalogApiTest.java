package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.commerce.SandboxClient.Exchange;

class CatalogApiTest {

    private static CommerceSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.defaults());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void customerCreateRefusesADuplicateEmailOnTheSameWebsiteAndAcceptsCamelCaseKeys() {
        Map<String, Object> customer = Map.of("email", "dup@example.com", "firstname", "Ada", "lastname", "Lovelace",
                "websiteId", 1, "addresses", List.of(Map.of("firstname", "Ada", "lastname", "Lovelace", "street", List.of("1 Way"),
                        "city", "Austin", "postcode", "78701", "country_id", "US", "region_id", 57, "telephone", "555", "default_billing", true)));
        Exchange created = client.post("/rest/V1/customers", Map.of("customer", customer, "password", "Secret-123"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode body = created.json();
        assertThat(body.get("website_id").asInt()).isEqualTo(1);
        assertThat(body.get("default_billing").asText()).isEqualTo(body.get("addresses").get(0).get("id").asText());
        assertThat(body.has("password")).isFalse();
        assertThat(body.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        Exchange duplicate = client.post("/rest/V1/customers", Map.of("customer", customer));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("message").asText())
                .isEqualTo("A customer with the same email address already exists in an associated website.");

        int id = body.get("id").asInt();
        Exchange updated = client.put("/rest/V1/customers/" + id, Map.of("customer",
                Map.of("id", id, "email", "dup@example.com", "firstname", "Augusta", "lastname", "King", "website_id", 1)));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(sandbox.data().customer(id).orElseThrow().get("firstname").asText()).isEqualTo("Augusta");
        assertThat(client.put("/rest/V1/customers/99999", Map.of("customer", Map.of("email", "x@example.com",
                "firstname", "X", "lastname", "Y"))).status()).isEqualTo(404);
    }

    @Test
    void companyNeedsAnExistingSuperUserAndIsSearchable() {
        Map<String, Object> company = new java.util.HashMap<>(Map.of("company_name", "Acme B2B", "company_email", "b2b@acme.test",
                "street", List.of("2 Way"), "city", "Austin", "country_id", "US", "postcode", "78701", "telephone", "555",
                "super_user_id", 99999, "customer_group_id", 2));
        company.put("region_id", "57"); // a US company needs one of the country's regions
        Exchange refused = client.post("/rest/V1/company/", Map.of("company", company));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("message").asText()).isEqualTo("No such entity with %fieldName = %fieldValue");

        company.put("super_user_id", 3);
        Exchange created = client.post("/rest/V1/company/", Map.of("company", company));
        assertThat(created.status()).isEqualTo(200);
        int id = created.json().get("id").asInt();
        assertThat(sandbox.data().customer(3).orElseThrow().at("/extension_attributes/company_attributes/company_id").asInt())
                .isEqualTo(id);
        company.put("status", 1);
        assertThat(client.put("/rest/V1/company/" + id, Map.of("company", company)).json().get("status").asInt()).isEqualTo(1);
        Exchange found = client.get("/rest/V1/company/?searchCriteria[filterGroups][0][filters][0][field]=company_name"
                + "&searchCriteria[filterGroups][0][filters][0][value]=Acme%25&searchCriteria[filterGroups][0][filters][0][conditionType]=like");
        assertThat(found.json().get("total_count").asInt()).isEqualTo(1);
    }

    @Test
    void productWritesThroughAStoreViewStayStoreLocalAndThroughAllAreGlobal() {
        Map<String, Object> product = Map.of("sku", "SCOPE-1", "name", "Global name", "price", 10, "attribute_set_id", 4,
                "type_id", "simple", "extension_attributes", Map.of("stock_item", Map.of("qty", 5, "is_in_stock", true)));
        assertThat(client.post("/rest/all/V1/products", Map.of("product", product)).status()).isEqualTo(200);
        Exchange local = client.put("/rest/default/V1/products/SCOPE-1", Map.of("product", Map.of("name", "Store name")));
        assertThat(local.json().get("name").asText()).isEqualTo("Store name");
        assertThat(client.get("/rest/all/V1/products/SCOPE-1").json().get("name").asText()).isEqualTo("Global name");
        assertThat(client.get("/rest/eu_en/V1/products/SCOPE-1").json().get("name").asText()).isEqualTo("Global name");
        client.put("/rest/all/V1/products/SCOPE-1", Map.of("product", Map.of("name", "New global", "price", 12)));
        assertThat(sandbox.data().product("SCOPE-1", "all").orElseThrow().get("name").asText()).isEqualTo("New global");
        assertThat(sandbox.data().product("SCOPE-1", "default").orElseThrow().get("name").asText()).isEqualTo("Store name");

        Exchange missing = client.get("/rest/V1/products/NOPE");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText())
                .isEqualTo("The product that was requested doesn't exist. Verify the product and try again.");
        assertThat(client.post("/rest/V1/products/SCOPE-1/links", Map.of("items", List.of(Map.of("sku", "SCOPE-1",
                "link_type", "related", "linked_product_sku", "SB-SIMPLE-001", "linked_product_type", "simple", "position", 1))))
                .responseBody()).isEqualTo("true");
        assertThat(sandbox.data().productLinks("SCOPE-1")).hasSize(1);
    }

    @Test
    void tierPricesAnswer200WithPerRowFailuresWhileValidRowsAreSaved() {
        List<Map<String, Object>> prices = List.of(
                Map.of("price", 9.5, "price_type", "fixed", "website_id", 0, "sku", "SB-SIMPLE-002", "customer_group", "General", "quantity", 3),
                Map.of("price", 9, "price_type", "fixed", "website_id", 0, "sku", "UNKNOWN", "customer_group", "General", "quantity", 3),
                Map.of("price", 9, "price_type", "fixed", "website_id", 0, "sku", "SB-SIMPLE-002", "customer_group", "Nobody", "quantity", 5));
        Exchange saved = client.post("/rest/V1/products/tier-prices", Map.of("prices", prices));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json()).hasSize(2);
        assertThat(saved.json().get(0).get("message").asText()).startsWith("Requested product doesn't exist.").contains("%SKU");
        assertThat(saved.json().get(0).get("parameters").get(0).asText()).isEqualTo("UNKNOWN");
        assertThat(saved.json().get(1).get("message").asText()).contains("Customer Group = %customerGroup");
        assertThat(sandbox.data().tierPrices("SB-SIMPLE-002")).hasSize(1);

        assertThat(client.post("/rest/V1/products/tier-prices-delete", Map.of("prices", prices.subList(0, 1))).responseBody())
                .isEqualTo("[]");
        assertThat(sandbox.data().tierPrices("SB-SIMPLE-002")).isEmpty();
        assertThat(client.post("/rest/V1/products/base-prices", Map.of("prices",
                List.of(Map.of("price", 12, "store_id", 0, "sku", "SB-SIMPLE-002")))).responseBody()).isEqualTo("[]");
        assertThat(sandbox.data().product("SB-SIMPLE-002", "all").orElseThrow().get("price").asDouble()).isEqualTo(12.0);
    }

    @Test
    void sourceItemsAreAllOrNothingAndLegacyStockItemsAnswerTheItemId() {
        Exchange ok = client.post("/rest/V1/inventory/source-items", Map.of("sourceItems",
                List.of(Map.of("sku", "SB-SIMPLE-003", "source_code", "wh-east", "quantity", 12, "status", 1))));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.responseBody()).isEqualTo("[]");
        assertThat(sandbox.data().sourceItem("SB-SIMPLE-003", "wh-east").orElseThrow().get("quantity").asDouble()).isEqualTo(12.0);

        Exchange bad = client.post("/rest/V1/inventory/source-items", Map.of("sourceItems", List.of(
                Map.of("sku", "SB-SIMPLE-004", "source_code", "wh-east", "quantity", 1, "status", 1),
                Map.of("sku", "", "source_code", "wh-east", "quantity", 1, "status", 1))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).isEqualTo("Validation Failed");
        assertThat(bad.json().get("errors").get(0).get("message").asText()).isEqualTo("\"%field\" can not be empty.");
        assertThat(sandbox.data().sourceItem("SB-SIMPLE-004", "wh-east")).isEmpty();

        Exchange stock = client.put("/rest/V1/products/SB-SIMPLE-004/stockItems/1", Map.of("stockItem", Map.of("qty", 7, "is_in_stock", true)));
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.json().isInt()).isTrue();
        assertThat(sandbox.data().product("SB-SIMPLE-004", "all").orElseThrow()
                .at("/extension_attributes/stock_item/qty").asDouble()).isEqualTo(7.0);
    }

    @Test
    void productsKeepUniqueUrlKeysTrimTheirSkuAndRegenerateTheKeyOnARenameWithoutOne() {
        Map<String, Object> first = Map.of("sku", "URL-1", "name", "Same Name", "price", 5, "attribute_set_id", 4);
        assertThat(client.post("/rest/all/V1/products", Map.of("product", first)).status()).isEqualTo(200);
        Exchange twin = client.post("/rest/all/V1/products", Map.of("product", Map.of("sku", "URL-2", "name", "Same Name",
                "price", 5, "attribute_set_id", 4)));
        assertThat(twin.status()).as("a second product of one name gets the same made-up key").isEqualTo(400);
        assertThat(twin.json().get("message").asText()).isEqualTo("URL key for specified store already exists.");

        Exchange spaced = client.put("/rest/all/V1/products/%20URL-3", Map.of("product", Map.of("sku", " URL-3",
                "name", "Spaced", "price", 5)));
        assertThat(spaced.status()).isEqualTo(200);
        assertThat(spaced.json().get("sku").asText()).as("saved trimmed, as Commerce does").isEqualTo("URL-3");

        assertThat(client.put("/rest/all/V1/products/URL-1", Map.of("product", Map.of("sku", "URL-1", "name", "Renamed")))
                .json().path("custom_attributes").toString()).contains("\"renamed\"");
        assertThat(client.put("/rest/all/V1/products/URL-1", Map.of("product", Map.of("sku", "URL-1", "name", "Again",
                "custom_attributes", List.of(Map.of("attribute_code", "url_key", "value", "kept-key"))))).json()
                .path("custom_attributes").toString()).contains("kept-key");
    }

    @Test
    void productsAreFoundBySkuAndAssignedToWebsites() {
        assertThat(client.post("/rest/all/V1/products", Map.of("product", Map.of("sku", "WEB-1", "name", "Web one",
                "price", 5))).status()).isEqualTo(200);
        Exchange found = client.get("/rest/V1/products?searchCriteria[filter_groups][0][filters][0][field]=sku"
                + "&searchCriteria[filter_groups][0][filters][0][value]=WEB-1,NOPE"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=in&searchCriteria[pageSize]=10");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(client.post("/rest/all/V1/products/WEB-1/websites", Map.of("productWebsiteLink",
                Map.of("sku", "WEB-1", "website_id", 2))).status()).isEqualTo(200);
        assertThat(sandbox.data().catalog().globalRow("WEB-1").orElseThrow().path("extension_attributes")
                .path("website_ids").toString()).isEqualTo("[1,2]");
        assertThat(client.post("/rest/all/V1/products/WEB-1/websites", Map.of("productWebsiteLink",
                Map.of("sku", "WEB-1", "website_id", 9))).status()).isEqualTo(400);
    }

    @Test
    void productLinksAreReadByTypeUpdatedOneAtATimeAndDeletedWithCommercesErrors() {
        for (String sku : List.of("LINK-1", "LINK-2", "LINK-3")) {
            assertThat(client.post("/rest/all/V1/products", Map.of("product", Map.of("sku", sku, "name", "Link " + sku,
                    "price", 5))).status()).isEqualTo(200);
        }
        assertThat(client.post("/rest/all/V1/products/LINK-1/links", Map.of("items", List.of(
                link("LINK-1", "upsell", "LINK-3", 1), link("LINK-1", "related", "LINK-2", 2)))).responseBody()).isEqualTo("true");
        assertThat(client.post("/rest/all/V1/products/LINK-1/links", Map.of("items", List.of(link("LINK-1", "related", "LINK-3", 1))))
                .status()).isEqualTo(200);
        JsonNode related = client.get("/rest/all/V1/products/LINK-1/links/related").json();
        assertThat(related).as("a POST adds to the links of its type").extracting(l -> l.get("linked_product_sku").asText())
                .containsExactly("LINK-3", "LINK-2");
        assertThat(client.get("/rest/all/V1/products/LINK-1").json().get("product_links"))
                .extracting(l -> l.get("link_type").asText()).containsExactly("related", "related", "upsell");

        Exchange moved = client.put("/rest/all/V1/products/LINK-1/links", Map.of("entity", link("LINK-1", "related", "LINK-2", 0)));
        assertThat(moved.responseBody()).isEqualTo("true");
        assertThat(client.get("/rest/all/V1/products/LINK-1/links/related").json().get(0).get("linked_product_sku").asText())
                .isEqualTo("LINK-2");
        Exchange incomplete = client.put("/rest/all/V1/products/LINK-1/links", Map.of("entity",
                Map.of("sku", "LINK-1", "link_type", "related", "linked_product_sku", "LINK-2")));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("parameters").get("fieldName").asText()).isEqualTo("entity.linked_product_type");
        assertThat(client.put("/rest/all/V1/products/LINK-1/links", Map.of("entity", link("LINK-1", "sibling", "LINK-2", 0)))
                .json().get("message").asText()).isEqualTo("Invalid data provided for linked products");
        assertThat(client.put("/rest/all/V1/products/LINK-1/links", Map.of("entity", link("LINK-1", "related", "NOPE", 0)))
                .status()).isEqualTo(404);

        Exchange unknownType = client.get("/rest/all/V1/products/LINK-1/links/sibling");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.json().get("message").asText()).isEqualTo("The \"%1\" link type is unknown. Verify the type and try again.");
        assertThat(client.get("/rest/all/V1/products/NOPE/links/related").status()).isEqualTo(404);

        assertThat(client.send("DELETE", "/rest/all/V1/products/LINK-1/links/related/LINK-3", null).responseBody()).isEqualTo("true");
        Exchange gone = client.send("DELETE", "/rest/all/V1/products/LINK-1/links/related/LINK-3", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("message").asText()).isEqualTo("Product %1 doesn't have linked %2 as %3");
        assertThat(gone.json().get("parameters").toString()).isEqualTo("[\"LINK-1\",\"LINK-3\",\"related\"]");
        assertThat(sandbox.data().productLinks("LINK-1")).hasSize(2);
    }

    @Test
    void linkPostsRefuseEmptyItemsUnknownTypesAndUnknownProductsAndWorkThroughAsyncBulk() {
        assertThat(client.post("/rest/all/V1/products", Map.of("product", Map.of("sku", "LINK-B", "name", "Link B",
                "price", 5))).status()).isEqualTo(200);
        Exchange empty = client.post("/rest/all/V1/products/LINK-B/links", Map.of("items", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText()).isEqualTo("Invalid value of \"%value\" provided for the %fieldName field.");
        Exchange type = client.post("/rest/all/V1/products/LINK-B/links", Map.of("items", List.of(link("LINK-B", "sibling", "SB-SIMPLE-001", 0))));
        assertThat(type.status()).isEqualTo(404);
        assertThat(type.json().get("message").asText()).isEqualTo("The \"%1\" link type wasn't found. Verify the type and try again.");
        Exchange linked = client.post("/rest/all/V1/products/LINK-B/links", Map.of("items", List.of(
                link("LINK-B", "related", "SB-SIMPLE-001", 0), link("LINK-B", "related", "NOPE", 1))));
        assertThat(linked.status()).isEqualTo(400);
        assertThat(linked.json().get("message").asText()).isEqualTo("The linked products data is invalid. Verify the data and try again.");
        assertThat(sandbox.data().productLinks("LINK-B")).as("all or nothing").isEmpty();

        Exchange accepted = client.post("/rest/all/async/bulk/V1/products/bySku/links", List.of(
                Map.of("sku", "LINK-B", "items", List.of(link("LINK-B", "crosssell", "SB-SIMPLE-002", 0))),
                Map.of("sku", "LINK-B", "items", List.of(link("LINK-B", "crosssell", "NOPE", 0)))));
        assertThat(accepted.status()).isEqualTo(202);
        String uuid = accepted.json().get("bulk_uuid").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> sandbox.bulks().count(uuid, 4) == 0);
        assertThat(sandbox.bulks().count(uuid, 1)).isEqualTo(1);
        assertThat(sandbox.bulks().count(uuid, 3)).isEqualTo(1);
        assertThat(sandbox.data().productLinks("LINK-B")).singleElement()
                .satisfies(l -> assertThat(l.get("linked_product_sku").asText()).isEqualTo("SB-SIMPLE-002"));
    }

    @Test
    void basePricesAreKeptPerStoreAndWebsiteAndReadBack() {
        try (CommerceSandbox three = CommerceSandbox.start(CommerceSandboxOptions.builder().storeViews(List.of(
                new CommerceSandboxOptions.StoreView(1, "default", 1, "Default Store View", "USD"),
                new CommerceSandboxOptions.StoreView(2, "eu_en", 2, "EU English", "EUR"),
                new CommerceSandboxOptions.StoreView(3, "eu_de", 2, "EU Deutsch", "EUR"))).build())) {
            SandboxClient eu = new SandboxClient(three);
            Exchange saved = eu.post("/rest/all/V1/products/base-prices", Map.of("prices", List.of(
                    Map.of("price", 20, "store_id", 0, "sku", "SB-SIMPLE-001"),
                    Map.of("price", 18.5, "store_id", 2, "sku", "SB-SIMPLE-001"),
                    Map.of("price", 9, "store_id", 0, "sku", "NOPE"),
                    Map.of("price", 9, "store_id", 9, "sku", "SB-SIMPLE-002"),
                    Map.of("price", -1, "store_id", 0, "sku", "SB-SIMPLE-002"),
                    Map.of("price", 9, "store_id", 0, "sku", "SB-CONF-01"))));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.json()).extracting(f -> f.get("message").asText() + " " + f.get("parameters")).containsExactly(
                    "Invalid attribute %fieldName = %fieldValue. [\"SKU\",\"NOPE\"]",
                    "Requested store is not found. Row ID: SKU = %SKU, Store ID: %storeId. [\"SB-SIMPLE-002\",\"9\"]",
                    "Invalid attribute %fieldName = %fieldValue. [\"Price\",\"-1\"]",
                    "Invalid attribute %fieldName = %fieldValue. [\"SKU\",\"SB-CONF-01\"]");

            JsonNode rows = eu.post("/rest/all/V1/products/base-prices-information",
                    Map.of("skus", List.of("SB-SIMPLE-001", "NOPE"))).json();
            assertThat(rows).extracting(r -> r.get("store_id").asInt() + "=" + r.get("price").asDouble())
                    .as("store 2 set the price of its website: store 3 too").containsExactly("0=20.0", "2=18.5", "3=18.5");
            assertThat(rows.get(0).get("sku").asText()).isEqualTo("SB-SIMPLE-001");
            assertThat(eu.get("/rest/eu_de/V1/products/SB-SIMPLE-001").json().get("price").asDouble()).isEqualTo(18.5);
            assertThat(eu.get("/rest/default/V1/products/SB-SIMPLE-001").json().get("price").asDouble()).isEqualTo(20.0);
            assertThat(eu.get("/rest/all/V1/products/SB-SIMPLE-001").json().get("price").asDouble()).isEqualTo(20.0);
            assertThat(three.data().basePrice("SB-SIMPLE-002", 0)).as("refused rows change nothing")
                    .isEqualTo(three.data().product("SB-SIMPLE-002", "all").map(p -> p.get("price").asDouble()));
        }
        try (CommerceSandbox global = CommerceSandbox.start(CommerceSandboxOptions.builder().priceScopeWebsite(false).build())) {
            new SandboxClient(global).post("/rest/all/V1/products/base-prices", Map.of("prices",
                    List.of(Map.of("price", 31, "store_id", 1, "sku", "SB-SIMPLE-003"))));
            assertThat(global.data().basePrice("SB-SIMPLE-003", 0)).as("price scope global: store 0").contains(31.0);
            assertThat(global.data().basePrice("SB-SIMPLE-003", 1)).isEmpty();
        }
    }

    private static Map<String, Object> link(String sku, String type, String linked, int position) {
        return Map.of("sku", sku, "link_type", type, "linked_product_sku", linked, "linked_product_type", "simple",
                "position", position);
    }
}
