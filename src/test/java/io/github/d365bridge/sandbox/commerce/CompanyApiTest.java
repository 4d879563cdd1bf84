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

/** B2B companies and their credit as Adobe Commerce answers them, every exchange against the contract. */
class CompanyApiTest {

    private static CommerceSandbox sandbox;
    private static SandboxClient client;
    private static CommerceContract contract;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedCustomers(20).build());
        sandbox.traffic().recording(true);
        client = new SandboxClient(sandbox);
        contract = CommerceContract.load();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** A new customer of website 1, to be a company admin. */
    private static int newCustomer(String email) {
        return client.post("/rest/V1/customers", Map.of("customer", Map.of("email", email, "firstname", "Bea",
                "lastname", "Boss", "website_id", 1))).json().get("id").asInt();
    }

    private static Map<String, Object> company(String email, int admin, Object... more) {
        Map<String, Object> company = new HashMap<>(Map.of("company_name", "Company " + email, "company_email", email,
                "street", List.of("1 Main St"), "city", "Austin", "country_id", "US", "region_id", "57",
                "postcode", "78701", "telephone", "555-0100", "super_user_id", admin, "customer_group_id", 1));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                company.remove((String) more[i]);
            } else {
                company.put((String) more[i], more[i + 1]);
            }
        }
        return company;
    }

    private static Exchange create(Map<String, Object> company) {
        return client.post("/rest/V1/company/", Map.of("company", company));
    }

    private static void assertContract() {
        assertThat(contract.checkAll(sandbox.traffic().exchanges())).isEmpty();
    }

    @Test
    void requiredFieldsAreReportedTogetherAndZeroCountsAsMissing() {
        Exchange missing = create(company("req@example.com", newCustomer("req-admin@example.com"),
                "company_name", null, "street", List.of(), "customer_group_id", 0));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).isEqualTo("One or more input exceptions have occurred.");
        assertThat(missing.json().get("errors")).extracting(e -> e.at("/parameters/fieldName").asText())
                .containsExactly("company_name", "street", "customer_group_id");

        Exchange one = create(company("req@example.com", newCustomer("req-admin2@example.com"), "telephone", ""));
        assertThat(one.json().get("message").asText()).isEqualTo("\"%fieldName\" is required. Enter and try again.");
        assertThat(one.json().at("/parameters/fieldName").asText()).isEqualTo("telephone");
        assertContract();
    }

    @Test
    void companyEmailIsUniqueAndTheAdminMustBeAFreeExistingCustomer() {
        int admin = newCustomer("boss@example.com");
        Exchange created = create(company("Sales@Acme.example", admin, "region", "Texas"));
        assertThat(created.status()).isEqualTo(200);
        JsonNode company = created.json();
        assertThat(company.get("status").asInt()).isZero();
        assertThat(company.get("sales_representative_id").asInt()).isEqualTo(1);
        assertThat(company.has("region")).as("a region id drops the region text, as Company\\Save does").isFalse();
        assertThat(sandbox.data().customer(admin).orElseThrow().at("/extension_attributes/company_attributes/company_id")
                .asInt()).isEqualTo(company.get("id").asInt());

        Exchange duplicate = create(company("sales@acme.EXAMPLE", newCustomer("boss2@example.com")));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("message").asText()).isEqualTo(
                "Company with this email address already exists in the system. Enter a different email address to continue.");
        Exchange adminTaken = create(company("other@acme.example", admin));
        assertThat(adminTaken.json().get("message").asText())
                .isEqualTo("This customer is a user of a different company. Enter a different email address to continue.");
        Exchange noAdmin = create(company("ghost@acme.example", 99999));
        assertThat(noAdmin.status()).isEqualTo(404);
        assertThat(noAdmin.json().at("/parameters/fieldName").asText()).isEqualTo("customerId");
        Exchange group = create(company("group@acme.example", newCustomer("boss3@example.com"), "customer_group_id", 42));
        assertThat(group.status()).isEqualTo(404);
        assertThat(group.json().at("/parameters/fieldName").asText()).isEqualTo("customerGroupId");
        Exchange region = create(company("region@acme.example", newCustomer("boss4@example.com"), "region_id", null));
        assertThat(region.json().get("message").asText()).isEqualTo("Invalid value of \"%value\" provided for the %fieldName field.");
        assertThat(region.json().at("/parameters/fieldName").asText()).isEqualTo("region_id");

        String query = SearchCriteria.builder().where(Filter.eq("company_email", "SALES@acme.example")).build().toQueryString();
        JsonNode found = client.get("/rest/V1/company/?" + query).json();
        assertThat(found.get("total_count").asInt()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asInt()).isEqualTo(company.get("id").asInt());
        assertContract();
    }

    @Test
    void anUpdateResendsTheRequiredFieldsAndAnUnknownIdIsNotFound() {
        int admin = newCustomer("upd-boss@example.com");
        int id = create(company("upd@acme.example", admin, "legal_name", "Upd Ltd")).json().get("id").asInt();
        Exchange partial = client.put("/rest/V1/company/" + id, Map.of("company", Map.of("company_name", "Renamed")));
        assertThat(partial.status()).isEqualTo(400);
        assertThat(partial.json().get("errors")).hasSizeGreaterThan(3);

        Exchange updated = client.put("/rest/V1/company/" + id, Map.of("company", company("upd@acme.example", admin,
                "company_name", "Renamed", "status", 1)));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("company_name").asText()).isEqualTo("Renamed");
        assertThat(updated.json().get("legal_name").asText()).as("left out, kept").isEqualTo("Upd Ltd");
        assertThat(client.get("/rest/V1/company/" + id).json().get("status").asInt()).isEqualTo(1);

        Exchange unknown = client.put("/rest/V1/company/99999", Map.of("company", company("x@acme.example", admin)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/parameters/fieldName").asText()).isEqualTo("companyId");
        Exchange read = client.get("/rest/V1/company/99999");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().at("/parameters/fieldName").asText()).isEqualTo("id");
        assertContract();
    }

    @Test
    void aNewCompanyHasACreditWhoseLimitIsSetWithCompanyAndCurrencyAgain() {
        int companyId = create(company("credit@acme.example", newCustomer("credit-boss@example.com"))).json().get("id").asInt();
        Exchange byCompany = client.get("/rest/V1/companyCredits/company/" + companyId);
        assertThat(byCompany.status()).isEqualTo(200);
        JsonNode credit = byCompany.json();
        assertThat(credit.has("credit_limit")).as("no limit yet: Commerce leaves the null out").isFalse();
        assertThat(credit.get("currency_code").asText()).isEqualTo("USD");
        assertThat(credit.get("exceed_limit").asBoolean()).isFalse();
        int creditId = credit.get("id").asInt();

        String path = "/rest/V1/companyCredits/" + creditId;
        Exchange noCurrency = client.put(path, Map.of("creditLimit", Map.of("company_id", companyId, "credit_limit", 500,
                "exceed_limit", false)));
        assertThat(noCurrency.status()).isEqualTo(400);
        assertThat(noCurrency.json().at("/parameters/fieldName").asText()).isEqualTo("currency_code");
        Exchange otherCompany = client.put(path, Map.of("creditLimit", Map.of("company_id", 1, "currency_code", "USD",
                "credit_limit", 500, "exceed_limit", false)));
        assertThat(otherCompany.json().at("/parameters/fieldName").asText()).isEqualTo("company_id");
        Exchange currency = client.put(path, Map.of("creditLimit", Map.of("company_id", companyId, "currency_code", "JPY",
                "credit_limit", 500, "exceed_limit", false)));
        assertThat(currency.json().get("message").asText()).isEqualTo("Invalid attribute value. Row ID: %fieldName = %fieldValue.");
        Exchange negative = client.put(path, Map.of("creditLimit", Map.of("company_id", companyId, "currency_code", "USD",
                "credit_limit", -1, "exceed_limit", false)));
        assertThat(negative.json().at("/parameters/fieldName").asText()).isEqualTo("credit_limit");

        Exchange set = client.put(path, Map.of("creditLimit", Map.of("company_id", companyId, "currency_code", "EUR",
                "credit_limit", 2500.5, "exceed_limit", true, "credit_comment", "From D365")));
        assertThat(set.status()).isEqualTo(200);
        JsonNode after = client.get(path).json();
        assertThat(after.get("credit_limit").decimalValue()).isEqualByComparingTo("2500.5");
        assertThat(after.get("available_limit").decimalValue()).isEqualByComparingTo("2500.5");
        assertThat(after.get("currency_code").asText()).isEqualTo("EUR");
        assertThat(after.get("exceed_limit").asBoolean()).isTrue();

        String byCompanyQuery = SearchCriteria.builder().where(Filter.eq("company_id", Integer.toString(companyId)))
                .build().toQueryString();
        JsonNode search = client.get("/rest/V1/companyCredits/?" + byCompanyQuery).json();
        assertThat(search.get("total_count").asInt()).isEqualTo(1);
        assertThat(search.at("/items/0/available_limit").decimalValue()).isEqualByComparingTo("2500.5");

        Exchange unknown = client.get("/rest/V1/companyCredits/99999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("Requested company is not found. Row ID: %fieldName = %fieldValue.");
        assertThat(client.get("/rest/V1/companyCredits/company/99999").json().at("/parameters/fieldName").asText())
                .isEqualTo("CompanyID");
        assertContract();
    }
}
