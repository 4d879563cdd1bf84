package io.github.d365bridge.sandbox.d365.odata;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** The JSON the sandbox sends is the JSON a real tenant sends. */
class ODataWireFormatTest {

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

    @Test
    void collectionHasContextEtagsAndMinimalMetadataContentType() {
        HttpResponse<String> response = http.get("/data/CustomersV3?$top=3&$count=true");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; odata.metadata=minimal");
        JsonNode body = json(response.body());
        assertThat(body.get("@odata.context").asText()).isEqualTo(sandbox.baseUrl() + "/data/$metadata#CustomersV3");
        assertThat(body.get("@odata.count").asLong()).as("default company only").isEqualTo(50);
        assertThat(body.get("value")).hasSize(3);
        JsonNode row = body.get("value").get(0);
        assertThat(row.get("@odata.etag").asText()).matches("W/\"[A-Za-z0-9+/=]+\"");
        assertThat(row.get("dataAreaId").asText()).isEqualTo("usmf");
        assertThat(row.get("CustomerAccount").asText()).isEqualTo("US-000001");
        assertThat(row.get("OnHoldStatus").asText()).isIn("No", "Invoice", "All");
        assertThat(row.get("CreditLimit").isNumber()).isTrue();
        assertThat(row.get("CreditLimitIsMandatory").asText()).isIn("No", "Yes");
        assertThat(row.has("Name")).as("CustomersV3 has no plain Name field").isFalse();
        assertThat(body.has("@odata.nextLink")).isFalse();
    }

    @Test
    void emptyDatesDateOnlyValuesAndDecimalsAreWrittenLikeD365() {
        Map<String, Object> agreement = new LinkedHashMap<>(sandbox.data()
                .rows("SalesPriceAgreements", r -> "usmf".equals(r.get("dataAreaId"))).get(0));
        agreement.put("RecordId", 42L);
        agreement.put("Price", new BigDecimal("12.50"));
        agreement.put("PriceApplicableFromDate", LocalDate.of(2024, 2, 29));
        agreement.put("PriceApplicableToDate", null);
        agreement.put("PriceCustomerGroupCode", "");
        sandbox.data().insert("SalesPriceAgreements", agreement);
        HttpResponse<String> response = http.get("/data/SalesPriceAgreements(dataAreaId='usmf',RecordId=42)");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode row = json(response.body());
        assertThat(row.get("@odata.context").asText()).isEqualTo(sandbox.baseUrl()
                + "/data/$metadata#SalesPriceAgreements/$entity");
        assertThat(row.get("PriceApplicableFromDate").asText()).isEqualTo("2024-02-29T12:00:00Z");
        assertThat(row.get("PriceApplicableToDate").asText()).as("an empty date-only value").isEqualTo("1900-01-01T12:00:00Z");
        assertThat(row.get("Price").isNumber()).isTrue();
        assertThat(response.body()).contains("\"Price\":12.5,");
        assertThat(row.get("RecordId").isIntegralNumber()).isTrue();
        assertThat(row.get("PriceCustomerGroupCode").asText()).isEmpty();
    }

    @Test
    void dateTimesAreUtcSecondsDatesSitAtNoonAndEmptyOnesAre1900() {
        JsonNode rows = json(http.get("/data/CustomersV3?cross-company=true&$select=CustomerAccount,CredManLastReviewDate,"
                + "AddressValidFrom,DeliveryAddressValidFrom").body()).get("value");
        boolean sawEmptyDate = false;
        boolean sawDate = false;
        boolean sawEmptyDateTime = false;
        for (JsonNode row : rows) {
            String date = row.get("CredManLastReviewDate").asText();
            assertThat(date).as("date-only").matches("\\d{4}-\\d{2}-\\d{2}T12:00:00Z");
            sawEmptyDate |= date.equals("1900-01-01T12:00:00Z");
            sawDate |= Instant.parse(date).isAfter(Instant.parse("2000-01-01T00:00:00Z"));
            String dateTime = row.get("AddressValidFrom").asText();
            assertThat(dateTime).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(Instant.parse(dateTime)).isAfter(Instant.parse("2000-01-01T00:00:00Z"));
            String delivery = row.get("DeliveryAddressValidFrom").asText();
            sawEmptyDateTime |= delivery.equals("1900-01-01T00:00:00Z");
        }
        assertThat(sawEmptyDate).isTrue();
        assertThat(sawDate).isTrue();
        assertThat(sawEmptyDateTime).as("customers without a delivery address").isTrue();
    }

    @Test
    void selectNarrowsRowsAndTheContext() {
        JsonNode body = json(http.get("/data/ReleasedProductsV2?$select=ItemNumber,SalesPrice&$top=1").body());
        assertThat(body.get("@odata.context").asText()).endsWith("#ReleasedProductsV2(ItemNumber,SalesPrice)");
        JsonNode row = body.get("value").get(0);
        assertThat(row.size()).isEqualTo(3);
        assertThat(row.has("@odata.etag")).isTrue();
        assertThat(row.get("ItemNumber").asText()).isEqualTo(" RFI-TEST-001");
    }

    @Test
    void errorsUseTheODataErrorShape() {
        HttpResponse<String> unknownSet = http.get("/data/InventoryOnHandV2");
        assertThat(unknownSet.statusCode()).isEqualTo(404);
        JsonNode error = json(unknownSet.body()).get("error");
        assertThat(error.get("code").asText()).isEmpty();
        assertThat(error.get("message").asText()).contains("InventoryOnHandV2");
        assertThat(error.get("innererror").get("type").asText()).isNotEmpty();
        assertThat(error.get("innererror").get("stacktrace").asText()).isEmpty();
        HttpResponse<String> unknownField = http.get("/data/CustomersV3?$select=Name");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField.body()).get("error").get("message").asText())
                .isEqualTo("Could not find a property named 'Name' on type 'Microsoft.Dynamics.DataEntities.CustomerV3'.");
    }

    @Test
    void metadataAndServiceDocumentAnswer() {
        HttpResponse<String> metadata = http.get("/data/$metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).contains("<EntitySet Name=\"SalesOrderLinesV3\"");
        assertThat(json(http.get("/data/").body()).get("value").toString()).contains("\"WarehousesOnHandV2\"");
        assertThat(http.get("/data/CustomersV3/$count").body()).isEqualTo("50");
    }
}
