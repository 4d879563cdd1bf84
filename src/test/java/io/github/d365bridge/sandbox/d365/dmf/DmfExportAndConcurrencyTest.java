package io.github.d365bridge.sandbox.d365.dmf;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static io.github.d365bridge.sandbox.d365.dmf.TestPackages.header;
import static io.github.d365bridge.sandbox.d365.dmf.TestPackages.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.client.d365.pkg.RowIterator;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.testing.TestAzurite;

/** Export round trip through the project's package reader, and two imports of one entity at once. */
class DmfExportAndConcurrencyTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;
    private static DmfClient dmf;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options()
                .storageConnectionString(TestAzurite.storage().connectionString())
                .dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(1500), Duration.ofMillis(1)).build());
        http = new SandboxHttp(sandbox);
        dmf = new DmfClient(http);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void exportedOnHandPackageReadsBackWithTheProjectReader() throws Exception {
        HttpResponse<String> started = http.dmf("ExportToPackage", "{\"definitionGroupId\":\"OnHandExport\","
                + "\"packageName\":\"onhand\",\"executionId\":\"\",\"reExecute\":false,\"legalEntityId\":\"usmf\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String executionId = json(started.body()).get("value").asText();
        assertThat(dmf.value("GetExportedPackageUrl", executionId)).as("empty until the package exists").isEmpty();
        AtomicReference<String> url = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            url.set(dmf.value("GetExportedPackageUrl", executionId));
            return !url.get().isEmpty();
        });
        assertThat(dmf.status(executionId)).isEqualTo("Succeeded");
        HttpResponse<byte[]> zip = dmf.download(url.get());
        assertThat(zip.statusCode()).as("plain GET, no bearer").isEqualTo(200);
        List<PackageRow> rows = new ArrayList<>();
        try (DataPackageReader reader = DataPackageReader.open(new ByteArrayInputStream(zip.body()), "onhand.zip")) {
            assertThat(reader.manifest().definitionGroupName()).isEqualTo("OnHandExport");
            assertThat(reader.entities()).singleElement().satisfies(e -> assertThat(e.label()).isEqualTo("Warehouses on-hand V2"));
            try (RowIterator it = reader.rows("Warehouses on-hand V2")) {
                it.forEachRemaining(rows::add);
            }
        }
        List<Map<String, Object>> expected = sandbox.data().rows("WarehousesOnHandV2", r -> "usmf".equals(r.get("dataAreaId")));
        assertThat(rows).hasSize(expected.size()).hasSize(200);
        PackageRow first = rows.get(0);
        assertThat(first.get("ITEMNUMBER")).isEqualTo(" RFI-TEST-001");
        assertThat(new BigDecimal(first.get("ONHANDQUANTITY"))).isEqualByComparingTo((BigDecimal) expected.get(0).get("OnHandQuantity"));
        assertThat(first.get("AREWAREHOUSEMANAGEMENTPROCESSESUSED")).isEqualTo("No");
    }

    @Test
    void secondImportOfTheSameEntityWhileOneRunsFails() {
        byte[] a = TestPackages.orders(List.of(header("C1", "US-000001", "conc-a")), List.of(line("C1", 1, "P000003", "1", "1")));
        byte[] b = TestPackages.orders(List.of(header("C2", "US-000002", "conc-b")), List.of(line("C2", 1, "P000003", "1", "1")));
        String first = dmf.importPackage(a, "SalesOrderImport");
        await().atMost(Duration.ofSeconds(10)).until(() -> dmf.status(first).equals("Executing"));
        String second = dmf.importPackage(b, "SalesOrderImport");
        assertThat(dmf.awaitFinished(first)).isEqualTo("Succeeded");
        assertThat(dmf.awaitFinished(second)).isEqualTo("Failed");
        assertThat(dmf.value("GetExecutionErrors", second)).contains("already exists").contains("deadlock");
        assertThat(json(http.get("/data/SalesOrderHeadersV2?$filter=CustomersOrderReference eq 'conc-b'").body())
                .get("value")).isEmpty();
        String retry = dmf.importPackage(b, "SalesOrderImport");
        assertThat(dmf.awaitFinished(retry)).as("once alone it imports").isEqualTo("Succeeded");
    }
}
