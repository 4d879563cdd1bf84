package io.github.d365bridge.sandbox.d365.model;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;

/**
 * Over HTTP, a CustomersV3 or ContactPersons row carries exactly the contract's properties (the contract
 * lists {@code @odata.etag} among them), empty ones with the values a real tenant sends; $select still
 * narrows a row to what was asked.
 */
class FullContractRowsTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;
    private static ContractChecker checker;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options().build());
        http = new SandboxHttp(sandbox);
        checker = new ContractChecker();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Set<String> contractProperties(String setName) {
        Set<String> names = new HashSet<>();
        checker.set(setName).orElseThrow().properties().fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode row) {
        Set<String> names = new HashSet<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyRowHasExactlyTheContractsPropertySet() {
        for (String set : List.of("CustomersV3", "ContactPersons")) {
            Set<String> contract = contractProperties(set);
            JsonNode rows = json(http.get("/data/" + set + "?cross-company=true").body()).get("value");
            assertThat(rows).as(set).hasSizeGreaterThan(set.equals("CustomersV3") ? 100 : 10);
            for (JsonNode row : rows) {
                assertThat(names(row)).as(set).isEqualTo(contract);
            }
        }
        assertThat(contractProperties("CustomersV3")).hasSize(310);
    }

    @Test
    void selectStillNarrowsTheRow() {
        JsonNode body = json(http.get("/data/CustomersV3?$select=CustomerAccount,PrimaryContactEmail,OnHoldStatus&$top=5")
                .body());
        assertThat(body.get("@odata.context").asText()).endsWith("#CustomersV3(CustomerAccount,PrimaryContactEmail,OnHoldStatus)");
        for (JsonNode row : body.get("value")) {
            assertThat(names(row)).containsExactlyInAnyOrder("@odata.etag", "CustomerAccount", "PrimaryContactEmail",
                    "OnHoldStatus");
        }
        JsonNode one = json(http.get("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-000001')"
                + "?$select=CustomerAccount,CreditLimit").body());
        assertThat(names(one)).containsExactlyInAnyOrder("@odata.context", "@odata.etag", "CustomerAccount", "CreditLimit");
        assertThat(http.get("/data/CustomersV3?$select=Name").statusCode()).isEqualTo(400);
    }

    @Test
    void emptyValuesAreWhatARealTenantSends() {
        JsonNode rows = json(http.get("/data/CustomersV3?cross-company=true").body()).get("value");
        List<String> emptyReviewDates = new ArrayList<>();
        List<String> emptyDeliveryFrom = new ArrayList<>();
        for (JsonNode row : rows) {
            assertThat(row.get("SalesMemo").asText()).isEmpty();
            assertThat(row.get("PersonAnniversaryYear").isIntegralNumber()).isTrue();
            assertThat(row.get("PersonAnniversaryYear").asInt()).isZero();
            assertThat(row.get("AddressLatitude").isNumber()).isTrue();
            assertThat(row.get("IsOneTimeCustomer").asText()).isEqualTo("No");
            assertThat(row.get("AddressValidTo").asText()).isEqualTo("2154-12-31T23:59:59Z");
            String review = row.get("CredManLastReviewDate").asText();
            assertThat(review).as("a date-only value sits at noon").endsWith("T12:00:00Z");
            if (review.startsWith("1900")) {
                emptyReviewDates.add(review);
            }
            if (row.get("DeliveryAddressStreet").asText().isEmpty()) {
                emptyDeliveryFrom.add(row.get("DeliveryAddressValidFrom").asText());
            }
        }
        assertThat(emptyReviewDates).isNotEmpty().allMatch("1900-01-01T12:00:00Z"::equals);
        assertThat(emptyDeliveryFrom).as("some customers have no delivery address").isNotEmpty()
                .allMatch("1900-01-01T00:00:00Z"::equals);
    }
}
