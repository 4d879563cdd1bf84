package io.github.d365bridge.sandbox.d365.odata;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** Every $filter operator against the same rows computed in Java; refusals as the real service. */
class FilterTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options().build());
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private List<String> accounts(String filter) {
        HttpResponse<String> response = http.get("/data/CustomersV3?$select=CustomerAccount&$filter=" + filter);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> accounts = new ArrayList<>();
        json(response.body()).get("value").forEach(row -> accounts.add(row.get("CustomerAccount").asText()));
        return accounts;
    }

    private List<String> expected(Predicate<Map<String, Object>> predicate) {
        return sandbox.data().rows("CustomersV3", r -> "usmf".equals(r.get("dataAreaId")) && predicate.test(r))
                .stream().map(r -> (String) r.get("CustomerAccount")).toList();
    }

    private static BigDecimal credit(Map<String, Object> row) {
        return (BigDecimal) row.get("CreditLimit");
    }

    @Test
    void comparisonOperators() {
        assertThat(accounts("CustomerAccount eq 'US-000007'")).containsExactly("US-000007");
        assertThat(accounts("CustomerAccount ne 'US-000007'")).hasSize(49).doesNotContain("US-000007");
        assertThat(accounts("CreditLimit gt 20000")).isEqualTo(expected(r -> credit(r).compareTo(BigDecimal.valueOf(20000)) > 0));
        assertThat(accounts("CreditLimit ge 20000")).isEqualTo(expected(r -> credit(r).compareTo(BigDecimal.valueOf(20000)) >= 0));
        assertThat(accounts("CreditLimit lt 20000")).isEqualTo(expected(r -> credit(r).compareTo(BigDecimal.valueOf(20000)) < 0));
        assertThat(accounts("CreditLimit le 20000.0")).isEqualTo(expected(r -> credit(r).compareTo(BigDecimal.valueOf(20000)) <= 0));
        assertThat(accounts("CustomerAccount gt 'US-000045'")).containsExactly("US-000046", "US-000047", "US-000048",
                "US-000049", "US-000050");
    }

    @Test
    void logicalOperatorsAndParentheses() {
        assertThat(accounts("CustomerAccount eq 'US-000001' or CustomerAccount eq 'US-000002'"))
                .containsExactly("US-000001", "US-000002");
        assertThat(accounts("(CustomerAccount eq 'US-000001' or CustomerAccount eq 'US-000002') and PartyType eq 'Person'"))
                .isEqualTo(expected(r -> List.of("US-000001", "US-000002").contains(r.get("CustomerAccount"))
                        && "Person".equals(r.get("PartyType"))));
        assertThat(accounts("not (CustomerAccount le 'US-000048')")).containsExactly("US-000049", "US-000050");
        assertThat(accounts("CustomerAccount eq 'US-000001' or CustomerAccount eq 'US-000002' and CustomerAccount eq 'US-000003'"))
                .as("and binds tighter than or").containsExactly("US-000001");
    }

    @Test
    void enumLiteralsNeedTheirQualifiedType() {
        assertThat(accounts("OnHoldStatus eq Microsoft.Dynamics.DataEntities.CustVendorBlocked'All'"))
                .isEqualTo(expected(r -> "All".equals(r.get("OnHoldStatus"))));
        assertThat(accounts("CreditLimitIsMandatory ne Microsoft.Dynamics.DataEntities.NoYes'Yes'"))
                .isEqualTo(expected(r -> "No".equals(r.get("CreditLimitIsMandatory"))));
        HttpResponse<String> plainString = http.get("/data/CustomersV3?$filter=OnHoldStatus eq 'All'");
        assertThat(plainString.statusCode()).isEqualTo(400);
        assertThat(json(plainString.body()).get("error").get("message").asText())
                .contains("incompatible types").contains("CustVendorBlocked");
        assertThat(http.get("/data/CustomersV3?$filter=OnHoldStatus eq Microsoft.Dynamics.DataEntities.NoYes'No'")
                .statusCode()).isEqualTo(400);
        assertThat(http.get("/data/CustomersV3?$filter=OnHoldStatus gt Microsoft.Dynamics.DataEntities.CustVendorBlocked'No'")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void wildcardEqualityIsContainsWithoutCase() {
        String someName = (String) sandbox.data().find("CustomersV3", "usmf", "US-000003").orElseThrow().get("OrganizationName");
        String middle = someName.substring(1, 4).toUpperCase();
        assertThat(accounts("OrganizationName eq '*" + middle + "*'"))
                .isEqualTo(expected(r -> ((String) r.get("OrganizationName")).toUpperCase().contains(middle)))
                .contains("US-000003");
        assertThat(accounts("CustomerAccount eq 'US-00001*'")).hasSize(10);
        assertThat(accounts("CustomerAccount ne '*1'")).isEqualTo(expected(r -> !((String) r.get("CustomerAccount")).endsWith("1")));
        assertThat(accounts("customerAccount eq 'x'".replace("customerAccount", "CustomerAccount"))).isEmpty();
        assertThat(accounts("CustomerAccount eq 'us-000001'")).as("collation without case").containsExactly("US-000001");
    }

    @Test
    void stringLiteralsDoubleTheirQuotesAndKeepSpaces() {
        HttpResponse<String> response = http.get("/data/ReleasedProductsV2?$select=ItemNumber&$filter=ItemNumber eq ' RFI-TEST-001'");
        assertThat(json(response.body()).get("value")).hasSize(1);
        assertThat(json(http.get("/data/ReleasedProductsV2?$filter=ItemNumber eq 'RFI-TEST-001'").body()).get("value"))
                .as("never trimmed").isEmpty();
        assertThat(accounts("OrganizationName eq 'O''Brien''s'")).isEmpty();
    }

    @Test
    void dateLiterals() {
        HttpResponse<String> response = http.get("/data/SalesPriceAgreements?$select=RecordId&$filter="
                + "PriceApplicableToDate ne 1900-01-01T00:00:00Z and PriceApplicableToDate lt 2025-07-01");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        long expired = sandbox.data().rows("SalesPriceAgreements", r -> "usmf".equals(r.get("dataAreaId"))
                && r.get("PriceApplicableToDate") != null).size();
        assertThat(json(response.body()).get("value")).hasSize((int) expired).isNotEmpty();
        assertThat(json(http.get("/data/SalesPriceAgreements?$filter=PriceApplicableFromDate eq 2024-01-01").body())
                .get("value")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CustomerAccount in ('US-000001','US-000002')", "OnHoldStatus has Microsoft.Dynamics.DataEntities.CustVendorBlocked'All'"})
    void inAndHasAreRefusedLikeD365(String filter) {
        HttpResponse<String> response = http.get("/data/CustomersV3?$filter=" + filter);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").get("message").asText()).contains("not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Name eq 'x'", "CreditLimit eq 'x'", "CustomerAccount eq 5", "CustomerAccount eq", "(CustomerAccount eq 'x'",
            "contains(OrganizationName,'x')", "CustomerAccount EQ 'x'", "CreditLimit add 5 gt 10", "CustomerAccount eq 'x"})
    void malformedOrIllTypedFiltersAre400(String filter) {
        HttpResponse<String> response = http.get("/data/CustomersV3?$filter=" + filter);
        assertThat(response.statusCode()).as(filter + " -> " + response.body()).isEqualTo(400);
        assertThat(json(response.body()).get("error").get("message").asText()).isNotBlank();
    }
}
