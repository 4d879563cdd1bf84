package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.sandbox.commerce.SandboxClient.Exchange;
import io.github.d365bridge.testing.CommerceContract;

/**
 * Customers as Commerce 2.4.8 answers them, each refusal with Magento's phrase and parameters, and
 * every exchange checked against Adobe's OpenAPI file at the end of each test.
 */
class CustomerApiTest {

    private static CommerceSandbox sandbox;
    private static SandboxClient client;
    private static CommerceContract contract;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.defaults());
        sandbox.traffic().recording(true);
        client = new SandboxClient(sandbox);
        contract = CommerceContract.load();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Map<String, Object> customer(String email, Object... more) {
        Map<String, Object> customer = new HashMap<>(Map.of("email", email, "firstname", "Ada", "lastname", "Lovelace"));
        for (int i = 0; i < more.length; i += 2) {
            customer.put((String) more[i], more[i + 1]);
        }
        return customer;
    }

    private static Map<String, Object> address(Object... more) {
        Map<String, Object> address = new HashMap<>(Map.of("firstname", "Ada", "lastname", "Lovelace",
                "street", List.of("1 Way"), "city", "Austin", "postcode", "78701", "country_id", "US",
                "region_id", 57, "telephone", "555-0100"));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                address.remove((String) more[i]);
            } else {
                address.put((String) more[i], more[i + 1]);
            }
        }
        return address;
    }

    private static Exchange create(Map<String, Object> customer) {
        return client.post("/rest/V1/customers", Map.of("customer", customer));
    }

    private static void assertContract() {
        assertThat(contract.checkAll(sandbox.traffic().exchanges())).isEmpty();
    }

    @Test
    void missingNamesAndABadEmailAreReportedTogetherAsTheSaveValidatorsWordThem() {
        Exchange noNames = create(Map.of("email", "not-an-email", "website_id", 1));
        assertThat(noNames.status()).isEqualTo(400);
        assertThat(noNames.json().get("message").asText()).isEqualTo(
                "\"First Name\" is a required value.\n\"Last Name\" is a required value.\n\"Email\" is not a valid email address.");
        assertThat(noNames.json().has("parameters")).isFalse();

        Exchange noEmail = create(Map.of("firstname", "Ada", "lastname", "Lovelace"));
        assertThat(noEmail.json().get("message").asText()).isEqualTo("The customer email is missing. Enter and try again.");

        Exchange noCustomer = client.post("/rest/V1/customers", Map.of("password", "Secret-123"));
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.json().get("message").asText()).isEqualTo("\"%fieldName\" is required. Enter and try again.");
        assertThat(noCustomer.json().at("/parameters/fieldName").asText()).isEqualTo("customer");

        Exchange badName = create(customer("name@example.com", "firstname", "Ada<script>"));
        assertThat(badName.json().get("message").asText()).isEqualTo("First Name is not valid!");
        Exchange weakPassword = client.post("/rest/V1/customers", Map.of("customer", customer("pw@example.com"),
                "password", "short"));
        assertThat(weakPassword.json().get("message").asText())
                .isEqualTo("The password needs at least %1 characters. Create a new password and try again.");
        assertThat(weakPassword.json().get("parameters").get(0).asText()).isEqualTo("8");
        assertContract();
    }

    @Test
    void anEmailIsUniquePerWebsiteCaseInsensitivelyAndFoundBySearch() {
        Exchange first = create(customer("Unique@Example.com", "website_id", 1));
        assertThat(first.status()).isEqualTo(200);
        Exchange again = create(customer("unique@example.COM", "website_id", 1));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("message").asText())
                .isEqualTo("A customer with the same email address already exists in an associated website.");
        Exchange otherWebsite = create(customer("unique@example.com", "website_id", 2));
        assertThat(otherWebsite.status()).isEqualTo(200);
        assertThat(otherWebsite.json().get("store_id").asInt()).isEqualTo(2);
        assertThat(otherWebsite.json().get("created_in").asText()).isEqualTo("EU English");

        String query = SearchCriteria.builder().where(Filter.eq("email", "UNIQUE@example.com"))
                .where(Filter.eq("website_id", "2")).build().toQueryString();
        JsonNode found = client.get("/rest/V1/customers/search?" + query).json();
        assertThat(found.get("total_count").asInt()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asInt()).isEqualTo(otherWebsite.json().get("id").asInt());
        assertThat(found.at("/search_criteria/filter_groups/1/filters/0/field").asText()).isEqualTo("website_id");
        String both = SearchCriteria.builder().where(Filter.in("email", List.of("unique@example.com", "nobody@example.com")))
                .build().toQueryString();
        assertThat(client.get("/rest/V1/customers/search?" + both).json().get("total_count").asInt()).isEqualTo(2);
        assertContract();
    }

    @Test
    void websiteStoreAndGroupMustExistAndTheStoreBelongToTheWebsite() {
        Exchange website = create(customer("w@example.com", "website_id", 9));
        assertThat(website.status()).isEqualTo(404);
        assertThat(website.json().get("message").asText())
                .isEqualTo("The website with id %1 that was requested wasn't found. Verify the website and try again.");
        Exchange store = create(customer("s@example.com", "store_id", 9));
        assertThat(store.status()).isEqualTo(404);
        assertThat(store.json().get("message").asText())
                .isEqualTo("The store that was requested wasn't found. Verify the store and try again.");
        Exchange mismatch = create(customer("m@example.com", "website_id", 1, "store_id", 2));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("message").asText()).isEqualTo("The store view is not in the associated website.");
        Exchange group = create(customer("g@example.com", "group_id", 77));
        assertThat(group.status()).isEqualTo(400);
        assertThat(group.json().get("message").asText()).isEqualTo("The specified customer group id does not exist.");
        assertThat(sandbox.data().customerByEmail("g@example.com", 1)).isEmpty();
        assertContract();
    }

    @Test
    void addressesAreValidatedTogetherAndDefaultsPointAtThem() {
        Exchange incomplete = create(customer("addr@example.com", "addresses",
                List.of(address("city", null, "telephone", "", "region_id", 999))));
        assertThat(incomplete.status()).isEqualTo(400);
        JsonNode error = incomplete.json();
        assertThat(error.get("message").asText()).isEqualTo("One or more input exceptions have occurred.");
        assertThat(error.get("errors")).extracting(e -> e.at("/parameters/fieldName").asText())
                .containsExactly("city", "telephone", "regionId");
        assertThat(error.at("/errors/2/message").asText()).isEqualTo("Invalid value of \"%value\" provided for the %fieldName field.");
        assertThat(sandbox.data().customerByEmail("addr@example.com", 1)).as("no half-created customer").isEmpty();

        Exchange oneProblem = create(customer("addr@example.com", "addresses", List.of(address("postcode", null))));
        assertThat(oneProblem.json().get("message").asText()).isEqualTo("\"%fieldName\" is required. Enter and try again.");
        assertThat(oneProblem.json().at("/parameters/fieldName").asText()).isEqualTo("postcode");

        Exchange created = create(customer("addr@example.com", "taxvat", "DE123456789",
                "custom_attributes", List.of(Map.of("attribute_code", "d365_account", "value", "C-1001")),
                "addresses", List.of(address("default_billing", true),
                        address("country_id", "DE", "region_id", 82, "postcode", "10115", "default_shipping", true),
                        address("country_id", "XX"))));
        assertThat(created.status()).isEqualTo(200);
        JsonNode customer = created.json();
        assertThat(customer.get("addresses")).as("the address of a country the store does not allow is dropped").hasSize(2);
        assertThat(customer.get("default_billing").asText()).isEqualTo(customer.at("/addresses/0/id").asText());
        assertThat(customer.get("default_shipping").asText()).isEqualTo(customer.at("/addresses/1/id").asText());
        assertThat(customer.at("/addresses/1/region/region_code").asText()).isEqualTo("BER");
        assertThat(customer.get("taxvat").asText()).isEqualTo("DE123456789");
        assertThat(customer.at("/custom_attributes/0/value").asText()).isEqualTo("C-1001");
        assertContract();
    }

    @Test
    void anUpdateSendsTheNamesAgainAndKeepsWhatItLeavesOut() {
        JsonNode created = create(customer("upd@example.com", "taxvat", "X1",
                "addresses", List.of(address("default_billing", true)))).json();
        int id = created.get("id").asInt();
        sandbox.data().customerTable().update(id, c -> c.with("extension_attributes").with("company_attributes")
                .put("company_id", 1).put("customer_id", id).put("status", 1));

        Exchange partial = client.put("/rest/V1/customers/" + id, Map.of("customer", Map.of("email", "upd@example.com",
                "lastname", "King")));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("message").asText()).isEqualTo("\"First Name\" is a required value.");

        Exchange wrongDefault = client.put("/rest/V1/customers/" + id, Map.of("customer", customer("upd@example.com",
                "default_billing", "12345", "addresses", List.of(address("id", created.at("/addresses/0/id").asInt())))));
        assertThat(wrongDefault.json().get("message").asText())
                .isEqualTo("The %fieldName value is invalid. Set the correct value and try again.");
        assertThat(wrongDefault.json().at("/parameters/fieldName").asText()).isEqualTo("default_billing");

        Exchange updated = client.put("/rest/V1/customers/" + id, Map.of("customer", customer("upd@example.com",
                "lastname", "King", "extension_attributes", Map.of("is_subscribed", false))));
        assertThat(updated.status()).isEqualTo(200);
        JsonNode after = updated.json();
        assertThat(after.get("lastname").asText()).isEqualTo("King");
        assertThat(after.get("taxvat").asText()).isEqualTo("X1");
        assertThat(after.get("addresses")).hasSize(1);
        assertThat(after.get("default_billing").asText()).isEqualTo(created.get("default_billing").asText());
        assertThat(after.at("/extension_attributes/company_attributes/company_id").asInt()).isEqualTo(1);

        Exchange taken = client.put("/rest/V1/customers/" + id, Map.of("customer", customer(
                sandbox.data().customer(1).orElseThrow().get("email").asText())));
        assertThat(taken.json().get("message").asText())
                .isEqualTo("A customer with the same email address already exists in an associated website.");
        Exchange missing = client.put("/rest/V1/customers/99999", Map.of("customer", customer("x@example.com")));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/parameters/fieldName").asText()).isEqualTo("customerId");
        assertThat(client.get("/rest/V1/customers/" + id).json().get("lastname").asText()).isEqualTo("King");
        assertContract();
    }
}
