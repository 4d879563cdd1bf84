package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.ground.Json;

/**
 * The store the 100,000-customer benchmark runs against: 100,000 customers and 30,000 companies held
 * compactly, and the look-ups the sync makes (e-mail per website, company e-mail, duplicate check on
 * create) answered from indexes, so that a benchmark measures the bridge, not the emulator's scans.
 * Time bounds are loose (a loaded machine), but a scan of 100,000 rows per call would break them by
 * far: parsing them all takes most of a second, and a hundred calls are timed together.
 */
class SandboxScaleTest {

    static final int CUSTOMERS = 100_000;
    static final int COMPANIES = 30_000;

    private static CommerceSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void seed() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.defaults());
        client = new SandboxClient(sandbox);
        List<ObjectNode> customers = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            int website = i % 2 + 1;
            ObjectNode customer = Json.mapper().createObjectNode().put("email", "scale" + i + "@example.com")
                    .put("firstname", "Scale").put("lastname", "Customer " + i).put("group_id", 1)
                    .put("website_id", website).put("store_id", website).put("taxvat", "DE" + (100_000_000 + i))
                    .put("created_in", website == 1 ? "Default Store View" : "EU English").put("disable_auto_group_change", 0);
            customer.putArray("addresses").addObject().put("id", 10_000 + i).put("customer_id", 0).put("firstname", "Scale")
                    .put("lastname", "Customer").put("city", "Berlin").put("postcode", "10115").put("country_id", "DE")
                    .put("telephone", "+49 30 1234567").put("default_billing", true).putArray("street").add("Unter den Linden 1");
            customers.add(customer);
        }
        int[] ids = sandbox.data().seedCustomers(customers);
        List<ObjectNode> companies = new ArrayList<>(COMPANIES);
        for (int i = 0; i < COMPANIES; i++) {
            ObjectNode company = Json.mapper().createObjectNode().put("company_name", "Scale Company " + i)
                    .put("company_email", "company" + i + "@scale.example").put("city", "Berlin").put("country_id", "DE")
                    .put("postcode", "10115").put("telephone", "+49 30 7654321").put("customer_group_id", 2)
                    .put("sales_representative_id", 1).put("super_user_id", ids[CUSTOMERS - 1 - i]);
            company.putArray("street").add("Friedrichstraße " + i);
            companies.add(company);
        }
        sandbox.data().seedCompanies(companies);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aHundredThousandCustomersAndThirtyThousandCompaniesStayCompact() {
        assertThat(sandbox.data().customerCount()).isGreaterThanOrEqualTo(CUSTOMERS);
        assertThat(sandbox.data().companyCount()).isGreaterThanOrEqualTo(COMPANIES);
        long perCustomer = sandbox.data().customerTable().storedBytes() / sandbox.data().customerCount();
        long perCompany = sandbox.data().companyTable().storedBytes() / sandbox.data().companyCount();
        // as Jackson trees the same rows took several kilobytes each
        assertThat(perCustomer).as("bytes per customer with one address").isLessThan(800);
        assertThat(perCompany).as("bytes per company").isLessThan(500);
    }

    @Test
    void lookUpsByEmailAndTheDuplicateCheckComeFromIndexes() {
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            int n = i * 997;
            String query = SearchCriteria.builder().where(Filter.eq("email", "SCALE" + n + "@example.com"))
                    .where(Filter.eq("website_id", Integer.toString(n % 2 + 1))).pageSize(2).build().toQueryString();
            JsonNode found = client.get("/rest/V1/customers/search?" + query).json();
            assertThat(found.get("total_count").asInt()).isEqualTo(1);
            String company = SearchCriteria.builder().where(Filter.eq("company_email", "company" + (n % COMPANIES)
                    + "@scale.example")).build().toQueryString();
            assertThat(client.get("/rest/V1/company/?" + company).json().get("total_count").asInt()).isEqualTo(1);
            Map<String, Object> duplicate = Map.of("email", "scale" + n + "@example.com", "firstname", "D", "lastname", "D",
                    "website_id", n % 2 + 1);
            assertThat(client.post("/rest/V1/customers", Map.of("customer", duplicate)).status()).isEqualTo(400);
            assertThat(client.post("/rest/V1/customers", Map.of("customer", Map.of("email", "new-scale" + i + "@example.com",
                    "firstname", "N", "lastname", "N"))).status()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("400 calls against the full store")
                .isLessThan(Duration.ofSeconds(20));

        long page = System.nanoTime();
        JsonNode last = client.get("/rest/V1/customers/search?searchCriteria[pageSize]=300&searchCriteria[currentPage]=300").json();
        assertThat(last.get("items")).hasSize(300);
        assertThat(last.get("total_count").asInt()).isEqualTo(sandbox.data().customerCount());
        assertThat(Duration.ofNanos(System.nanoTime() - page)).as("a page without filters reads its rows only")
                .isLessThan(Duration.ofSeconds(2));
    }
}
