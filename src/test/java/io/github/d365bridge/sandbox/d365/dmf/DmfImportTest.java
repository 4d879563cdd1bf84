package io.github.d365bridge.sandbox.d365.dmf;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static io.github.d365bridge.sandbox.d365.dmf.TestPackages.HEADERS;
import static io.github.d365bridge.sandbox.d365.dmf.TestPackages.LINES;
import static io.github.d365bridge.sandbox.d365.dmf.TestPackages.header;
import static io.github.d365bridge.sandbox.d365.dmf.TestPackages.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.testing.TestAzurite;

/** Package imports through the DMF API on a real Azurite, with D365's validations and outcomes. */
class DmfImportTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;
    private static DmfClient dmf;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options()
                .storageConnectionString(TestAzurite.storage().connectionString())
                .dmfContainer(TestAzurite.uniqueName("dmf")).build());
        http = new SandboxHttp(sandbox);
        dmf = new DmfClient(http);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private JsonNode orders(String reference) {
        return json(http.get("/data/SalesOrderHeadersV2?$filter=CustomersOrderReference eq '" + reference + "'").body())
                .get("value");
    }

    @Test
    void importedOrdersGetNumbersAndTheirLines() {
        byte[] zip = TestPackages.orders(
                List.of(header("WEB-1", "US-000001", "ok-1"), header("WEB-2", "US-000002", "ok-2")),
                List.of(line("WEB-1", 1, "P000003", "2", "10.50"), line("WEB-1", 2, " RFI-TEST-001", "1", "5"),
                        line("WEB-2", 1, "P000004", "4", "1.25")));
        String executionId = dmf.importPackage(zip, "SalesOrderImport");
        assertThat(executionId).startsWith("SalesOrderImport-");
        assertThat(dmf.status(executionId)).isIn("NotRun", "Executing");
        assertThat(dmf.awaitFinished(executionId)).isEqualTo("Succeeded");
        JsonNode first = orders("ok-1");
        assertThat(first).hasSize(1);
        String number = first.get(0).get("SalesOrderNumber").asText();
        assertThat(number).matches("\\d{6}").isNotEqualTo("WEB-1");
        assertThat(first.get(0).get("OrderTotalAmount").decimalValue()).isEqualByComparingTo("26.00");
        assertThat(first.get(0).get("RequestedShippingDate").asText()).isEqualTo("2026-12-24T12:00:00Z");
        JsonNode lines = json(http.get("/data/SalesOrderLinesV3?$filter=SalesOrderNumber eq '" + number
                + "'&$orderby=LineNumber").body()).get("value");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).get("ItemNumber").asText()).isEqualTo(" RFI-TEST-001");
        assertThat(dmf.value("GetExecutionErrors", executionId)).isEqualTo("[]");
        assertThat(dmf.value("GetExecutionSummaryPageUrl", executionId)).startsWith(sandbox.baseUrl() + "/?cmp=USMF&mi=");
    }

    @Test
    void theJobHistoryKeepsWhenAnImportWasCreatedAndEndedAndHowManyRowsItHad() {
        byte[] zip = TestPackages.orders(List.of(header("H-1", "US-000001", "history-1")),
                List.of(line("H-1", 1, "P000003", "1", "1"), line("H-1", 2, "P000004", "1", "1")));
        String executionId = dmf.importPackage(zip, "SalesOrderImport");
        var jobs = sandbox.dmfJobs().orElseThrow();
        DmfJob running = jobs.job(executionId).orElseThrow();
        assertThat(running.endedAt()).as("not ended while it runs").isNull();

        assertThat(dmf.awaitFinished(executionId)).isEqualTo("Succeeded");
        DmfJob ended = jobs.all().stream().filter(j -> j.executionId().equals(executionId)).findFirst().orElseThrow();
        assertThat(ended.rows()).as("one header and two lines").isEqualTo(3);
        Duration took = Duration.between(ended.createdAt(), ended.endedAt());
        assertThat(took).as("at least what the latency model gives three rows")
                .isGreaterThanOrEqualTo(jobs.modelledImport(3));
        assertThat(jobs.modelledImport(3)).isEqualTo(Duration.ofMillis(20)
                .plus(sandbox.options().dmfFixedLatency()).plus(sandbox.options().dmfPerRowLatency().multipliedBy(3)));
    }

    @Test
    void badRowsFailAloneAndAreListedInTheErrorKeysFile() {
        byte[] zip = TestPackages.orders(
                List.of(header("A", "US-000001", "part-ok"), header("B", "US-999999", "part-bad-customer")),
                List.of(line("A", 1, "P000003", "1", "1"), line("A", 2, "NO-SUCH-ITEM", "1", "1"),
                        line("B", 1, "P000003", "1", "1")));
        String executionId = dmf.importPackage(zip, "SalesOrderImport");
        assertThat(dmf.awaitFinished(executionId)).isEqualTo("PartiallySucceeded");
        assertThat(orders("part-ok")).hasSize(1);
        assertThat(orders("part-bad-customer")).isEmpty();
        assertThat(json(dmf.value("GetExecutionErrors", executionId))).hasSize(3);

        HttpResponse<String> generate = dmf.entityAction("GenerateImportTargetErrorKeysFile", executionId, HEADERS);
        assertThat(generate.statusCode()).isEqualTo(200);
        assertThat(json(generate.body()).get("@odata.context").asText()).endsWith("#Edm.Boolean");
        assertThat(json(generate.body()).get("value").asBoolean()).isTrue();
        assertThat(json(dmf.entityAction("GetImportTargetErrorKeysFileUrl", executionId, HEADERS).body())
                .get("value").asText()).as("empty while being generated").isEmpty();
        AtomicReference<String> url = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            url.set(json(dmf.entityAction("GetImportTargetErrorKeysFileUrl", executionId, HEADERS).body()).get("value").asText());
            return !url.get().isEmpty();
        });
        HttpResponse<byte[]> file = dmf.download(url.get());
        assertThat(file.statusCode()).isEqualTo(200);
        byte[] bytes = file.body();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
        String csv = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertThat(csv).startsWith("DATAAREAID,SALESORDERNUMBER,CUSTOMERSORDERREFERENCE,ERROR\r\n")
                .contains("usmf,B,part-bad-customer,The value 'US-999999' in field 'Customer account' is not found"
                        + " in the relation table 'Customers'.");

        assertThat(json(dmf.entityAction("GenerateImportTargetErrorKeysFile", executionId, LINES).body())
                .get("value").asBoolean()).isTrue();
        HttpResponse<String> wrongName = dmf.entityAction("GenerateImportTargetErrorKeysFile", executionId, "SalesOrderHeadersV2");
        assertThat(wrongName.statusCode()).as("the OData name is not the label").isEqualTo(400);
        assertThat(json(wrongName.body()).get("error").get("message").asText()).contains("does not exist");
    }

    @Test
    void manifestWithoutEntityMapListImportsNothingAndSucceeds() {
        byte[] zip = TestPackages.withoutEntityMaps(TestPackages.orders(
                List.of(header("Z", "US-000001", "no-map")), List.of(line("Z", 1, "P000003", "1", "1"))));
        String executionId = dmf.importPackage(zip, "SalesOrderImport");
        assertThat(dmf.awaitFinished(executionId)).isEqualTo("Succeeded");
        assertThat(orders("no-map")).isEmpty();
    }

    @Test
    void utf8AndLfOnlyDataFilesFailTheJob() {
        byte[] good = TestPackages.orders(List.of(header("U", "US-000001", "utf8")), List.of());
        String utf8 = dmf.importPackage(TestPackages.dataAsUtf8(good), "SalesOrderImport");
        assertThat(dmf.awaitFinished(utf8)).isEqualTo("Failed");
        assertThat(dmf.value("GetExecutionErrors", utf8)).contains("not in Unicode format");
        String lf = dmf.importPackage(TestPackages.dataWithLfOnly(
                TestPackages.orders(List.of(header("L", "US-000001", "lf-only")), List.of())), "SalesOrderImport");
        assertThat(dmf.awaitFinished(lf)).isEqualTo("Failed");
        assertThat(dmf.value("GetExecutionErrors", lf)).contains("CR LF");
        assertThat(orders("utf8")).isEmpty();
        assertThat(orders("lf-only")).isEmpty();
    }

    @Test
    void unknownColumnsAndEntitiesOutsideTheProjectFail() {
        byte[] unknownColumn = TestPackages.rewrite(TestPackages.orders(List.of(header("C", "US-000001", "col")), List.of()),
                (name, bytes) -> name.endsWith(".csv") && name.startsWith("Sales order headers")
                        ? TestPackages.rewriteText(bytes, "DELIVERYADDRESSDESCRIPTION", "NOSUCHFIELD") : bytes);
        String executionId = dmf.importPackage(unknownColumn, "SalesOrderImport");
        assertThat(dmf.awaitFinished(executionId)).isEqualTo("Failed");
        assertThat(dmf.value("GetExecutionErrors", executionId)).contains("NOSUCHFIELD");
        String wrongProject = dmf.importPackage(TestPackages.orders(List.of(header("P", "US-000001", "proj")), List.of()),
                "OnHandExport");
        assertThat(dmf.awaitFinished(wrongProject)).isEqualTo("Failed");
        assertThat(dmf.value("GetExecutionErrors", wrongProject)).contains("is not part of data project");
    }

    @Test
    void unknownProjectsIdsAndParametersAre400() {
        HttpResponse<String> project = http.dmf("ImportFromPackage", "{\"packageUrl\":\"x\",\"definitionGroupId\":\"Nope\","
                + "\"executionId\":\"\",\"execute\":true,\"overwrite\":true,\"legalEntityId\":\"usmf\"}");
        assertThat(project.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownId = http.dmf("GetExecutionSummaryStatus", "{\"executionId\":\"no-such-id\"}");
        assertThat(unknownId.statusCode()).isEqualTo(400);
        assertThat(json(unknownId.body()).get("error").get("message").asText()).endsWith("were not found.");
        assertThat(http.dmf("GetExecutionSummaryStatus", "{}").statusCode()).isEqualTo(400);
        assertThat(http.dmf("GetExecutionSummaryStatus", "{\"executionId\":\"x\",\"extra\":1}").statusCode()).isEqualTo(400);
        assertThat(http.dmf("NoSuchAction", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void uploadAfterTheSasExpiredIsForbidden() {
        try (D365Sandbox shortSas = D365Sandbox.start(SandboxHttp.options()
                .storageConnectionString(TestAzurite.storage().connectionString())
                .dmfContainer(TestAzurite.uniqueName("dmf")).sasLifetime(Duration.ofSeconds(1)).build())) {
            DmfClient client = new DmfClient(new SandboxHttp(shortSas));
            String url = client.writeUrl("late.zip");
            byte[] zip = TestPackages.orders(List.of(header("S", "US-000001", "sas")), List.of());
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> client.upload(url, zip) == 403);
            assertThat(client.upload(client.writeUrl("fresh.zip"), zip)).isEqualTo(201);
        }
    }
}
