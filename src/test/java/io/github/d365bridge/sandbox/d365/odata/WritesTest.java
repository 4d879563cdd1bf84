package io.github.d365bridge.sandbox.d365.odata;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;

/** POST, PATCH, DELETE with D365's answers: 201 with generated numbers, 204 without body, 412 on a stale ETag. */
class WritesTest {

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

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void minimalCustomerCreateGetsAnAccountFromTheSequence() {
        HttpResponse<String> created = http.post("/data/CustomersV3", "{\"dataAreaId\":\"usmf\","
                + "\"OrganizationName\":\"Sandbox Bikes\",\"CustomerGroupId\":\"30\",\"SalesCurrencyCode\":\"USD\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created.body());
        assertThat(body.get("@odata.context").asText()).endsWith("#CustomersV3/$entity");
        assertThat(body.get("CustomerAccount").asText()).isEqualTo("US-000051");
        assertThat(body.get("PartyType").asText()).isEqualTo("Organization");
        assertThat(body.get("OnHoldStatus").asText()).isEqualTo("No");
        // a date-only field: its empty value sits at noon like every date (the notes' empty sell dates)
        assertThat(body.get("CredManLastReviewDate").asText()).isEqualTo("1900-01-01T12:00:00Z");
        assertThat(body.get("AddressValidFrom").asText()).as("an empty date-time").isEqualTo("1900-01-01T00:00:00Z");
        assertThat(created.headers().firstValue("Location")).hasValue(sandbox.baseUrl()
                + "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-000051')");
        HttpResponse<String> missingGroup = http.post("/data/CustomersV3", "{\"OrganizationName\":\"X\",\"SalesCurrencyCode\":\"USD\"}");
        assertThat(missingGroup.statusCode()).isEqualTo(400);
        assertThat(json(missingGroup.body()).get("error").get("message").asText()).contains("Customer group");
        HttpResponse<String> unknownField = http.post("/data/CustomersV3", "{\"Name\":\"X\"}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField.body()).get("error").get("message").asText()).contains("does not exist on type");
        assertThat(http.post("/data/CustomersV3", "{\"CreditLimit\":\"lots\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void orderAndLinesGetNumbersDefaultsAndTotals() {
        HttpResponse<String> header = http.post("/data/SalesOrderHeadersV2", "{\"dataAreaId\":\"usmf\","
                + "\"OrderingCustomerAccountNumber\":\"US-000004\",\"CustomersOrderReference\":\"web-1001\","
                + "\"RequestedShippingDate\":\"2026-12-01T12:00:00Z\"}");
        assertThat(header.statusCode()).as(header.body()).isEqualTo(201);
        JsonNode order = json(header.body());
        String number = order.get("SalesOrderNumber").asText();
        assertThat(number).matches("\\d{6}");
        assertThat(order.get("InvoiceCustomerAccountNumber").asText()).isEqualTo("US-000004");
        assertThat(order.get("CurrencyCode").asText()).isEqualTo("USD");
        assertThat(order.get("SalesOrderStatus").asText()).isEqualTo("Backorder");
        assertThat(order.get("RequestedShippingDate").asText()).isEqualTo("2026-12-01T12:00:00Z");

        HttpResponse<String> line = http.post("/data/SalesOrderLinesV3", "{\"dataAreaId\":\"usmf\",\"SalesOrderNumber\":\""
                + number + "\",\"ItemNumber\":\" RFI-TEST-001\",\"OrderedSalesQuantity\":3,\"SalesPrice\":9.99}");
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        JsonNode lineBody = json(line.body());
        assertThat(lineBody.get("InventoryLotId").asText()).startsWith("USMF-");
        assertThat(lineBody.get("LineNumber").asInt()).isEqualTo(1);
        assertThat(lineBody.get("LineAmount").decimalValue()).isEqualByComparingTo("29.97");
        assertThat(lineBody.get("ItemNumber").asText()).isEqualTo(" RFI-TEST-001");
        JsonNode reread = json(http.get("/data/SalesOrderHeadersV2?$filter=CustomersOrderReference eq 'web-1001'").body());
        assertThat(reread.get("value").get(0).get("OrderTotalAmount").decimalValue()).isEqualByComparingTo("29.97");
        JsonNode v1 = json(http.get("/data/SalesOrderLines?$filter=SalesOrderNumber eq '" + number + "'").body());
        assertThat(v1.get("@odata.context").asText()).endsWith("#SalesOrderLines");
        assertThat(v1.get("value")).hasSize(1);

        HttpResponse<String> unknownItem = http.post("/data/SalesOrderLinesV3", "{\"SalesOrderNumber\":\"" + number
                + "\",\"ItemNumber\":\"RFI-TEST-001\",\"OrderedSalesQuantity\":1}");
        assertThat(unknownItem.statusCode()).isEqualTo(400);
        assertThat(json(unknownItem.body()).get("error").get("message").asText())
                .isEqualTo("The value 'RFI-TEST-001' in field 'Item number' is not found in the relation table 'Released products'.");
        HttpResponse<String> unknownCustomer = http.post("/data/SalesOrderHeadersV2", "{\"OrderingCustomerAccountNumber\":\"DE-000001\"}");
        assertThat(unknownCustomer.statusCode()).as("customer of another company").isEqualTo(400);
    }

    @Test
    void patchAnswers204AndChecksTheEtag() {
        String key = "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-000009')";
        String etag = json(http.get(key).body()).get("@odata.etag").asText();
        HttpResponse<String> patched = http.patch(key, "{\"CreditLimit\":12345.5}", etag);
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        JsonNode after = json(http.get(key).body());
        assertThat(after.get("CreditLimit").decimalValue()).isEqualByComparingTo("12345.5");
        assertThat(after.get("@odata.etag").asText()).isNotEqualTo(etag);
        HttpResponse<String> stale = http.patch(key, "{\"CreditLimit\":1}", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale.body()).get("error").get("message").asText()).contains("ETag");
        assertThat(http.patch(key, "{\"CreditLimit\":2}", "*").statusCode()).isEqualTo(204);
        assertThat(http.patch(key, "{\"CreditLimit\":3}", null).statusCode()).isEqualTo(204);
        assertThat(sandbox.data().find("CustomersV3", "usmf", "US-000009").orElseThrow().get("CreditLimit"))
                .isEqualTo(new BigDecimal("3"));
        assertThat(http.patch(key, "{\"CustomerAccount\":\"US-999999\"}", null).statusCode()).isEqualTo(400);
    }

    @Test
    void deleteAnswers204AndTheRowIsGone() {
        String key = "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-000010')";
        String etag = json(http.get(key).body()).get("@odata.etag").asText();
        assertThat(http.delete(key, "W/\"stale\"").statusCode()).isEqualTo(412);
        HttpResponse<String> deleted = http.delete(key, etag);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(http.get(key).statusCode()).isEqualTo(404);
        assertThat(json(http.get("/data/CustomersV3?$count=true&$top=0").body()).get("@odata.count").asInt()).isEqualTo(49);
        assertThat(http.delete(key, null).statusCode()).isEqualTo(404);
    }

    @Test
    void keysQuoteWithDoubledApostrophesAndAreNeverTrimmed() {
        HttpResponse<String> created = http.post("/data/CustomersV3", "{\"CustomerAccount\":\"O'NEIL, 1\","
                + "\"OrganizationName\":\"O'Neil\",\"CustomerGroupId\":\"10\",\"SalesCurrencyCode\":\"USD\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("CustomerAccount='O''NEIL,%201')");
        HttpResponse<String> read = http.get("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='O''NEIL, 1')");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body()).get("OrganizationName").asText()).isEqualTo("O'Neil");
        assertThat(http.get("/data/ReleasedProductsV2(dataAreaId='usmf',ItemNumber=' RFI-TEST-001')").statusCode()).isEqualTo(200);
        assertThat(http.get("/data/ReleasedProductsV2(dataAreaId='usmf',ItemNumber='RFI-TEST-001')").statusCode()).isEqualTo(404);
        assertThat(http.get("/data/ProductsV2('P000002')").statusCode()).isEqualTo(200);
        assertThat(http.get("/data/CustomersV3(CustomerAccount='US-000001')").statusCode()).as("every key, dataAreaId too").isEqualTo(400);
        assertThat(http.get("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-999999')").statusCode()).isEqualTo(404);
        assertThat(http.get("/data/SalesPriceAgreements(dataAreaId='usmf',RecordId='5637144576')").statusCode())
                .as("integer keys are bare").isEqualTo(400);
    }
}
