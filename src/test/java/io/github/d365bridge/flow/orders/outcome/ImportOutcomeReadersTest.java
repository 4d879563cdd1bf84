package io.github.d365bridge.flow.orders.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.dmf.ImportRequest;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.client.d365.pkg.DataPackageWriter;
import io.github.d365bridge.client.d365.pkg.PackageDefinition;
import io.github.d365bridge.client.d365.pkg.PackageEntity;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/** After a partially successful import: D365's numbers for the good orders, D365's reasons for the bad one. */
class ImportOutcomeReadersTest {

    private static final String HEADERS = "Sales order headers V2";
    private static final String LINES = "Sales order lines V3";
    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static D365Sandbox sandbox;
    private static D365Client d365;

    @BeforeAll
    static void start() {
        StorageAccount storage = TestAzurite.storage();
        sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("outcome-app", "outcome-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(100), Duration.ofMillis(1)).build());
        URI blob = URI.create(storage.blobService().getAccountUrl());
        d365 = D365Client.create(new D365ClientOptions(sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                sandbox.entraAuthority(), "outcome-app", new D365ClientOptions.Secret("outcome-secret-0123456789"),
                false, Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "test")),
                Optional.empty()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void goodOrdersGetTheirNumbersAndTheBadOneItsReason() throws Exception {
        String customer;
        String item;
        try (Stream<CustomerV3> c = d365.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf").top(1),
                CustomerV3.class); Stream<ReleasedProductV2> i = d365.odata().stream(ReleasedProductV2.ENTITY_SET,
                        ODataQuery.all().company("usmf").top(1), ReleasedProductV2.class)) {
            customer = c.findFirst().orElseThrow().customerAccount();
            item = i.findFirst().orElseThrow().itemNumber();
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        OrderKey good1 = new OrderKey("default", run + "-1");
        OrderKey good2 = new OrderKey("default", run + "-2");
        OrderKey bad = new OrderKey("default", run + "-3");
        Path zip = Files.createTempFile("outcome-", ".zip");
        PackageDefinition definition = PackageDefinition.of("SalesOrderImport", "orders",
                PackageEntity.of(HEADERS, "SalesOrderHeadersV2", List.of("SALESORDERNUMBER",
                        "ORDERINGCUSTOMERACCOUNTNUMBER", "CUSTOMERSORDERREFERENCE")).withPosition(1, 1, 1),
                PackageEntity.of(LINES, "SalesOrderLinesV3", List.of("SALESORDERNUMBER", "LINENUMBER", "ITEMNUMBER",
                        "ORDEREDSALESQUANTITY")).withPosition(1, 2, 1));
        try (var out = Files.newOutputStream(zip); DataPackageWriter writer = new DataPackageWriter(out, definition)) {
            writer.writeEntity(HEADERS, List.of(List.of("B1", customer, good1.toString()),
                    List.of("B2", customer, good2.toString()), List.of("B3", "NO-SUCH-CUSTOMER", bad.toString())).iterator());
            writer.writeEntity(LINES, List.of(List.of("B1", "1", item, "1"), List.of("B2", "1", item, "2"),
                    List.of("B3", "1", item, "1")).iterator());
        }
        String execution = d365.dmf().importFromPackage(new ImportRequest(
                d365.dmf().uploadPackage("outcome-" + run + ".zip", zip).blobUrl(), "SalesOrderImport", "", "usmf"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> d365.dmf().getExecutionSummaryStatus(execution).isFinished());
        assertThat(d365.dmf().getExecutionSummaryStatus(execution)).isEqualTo(DmfExecutionStatus.PARTIALLY_SUCCEEDED);

        Map<OrderKey, String> numbers = new D365OrderLookup(d365).salesOrderNumbers("usmf", List.of(good1, good2, bad));
        assertThat(numbers).containsOnlyKeys(good1, good2);
        assertThat(numbers.get(good1)).isNotBlank().isNotEqualTo(numbers.get(good2));

        List<ImportErrorKeys.FailedRecord> failed = new ImportErrorKeys(d365, Duration.ofMillis(100),
                Duration.ofSeconds(20), Clock.systemUTC()).failedRecords(execution, HEADERS);
        assertThat(failed).singleElement().satisfies(record -> {
            assertThat(record.keys().values()).contains(bad.toString());
            assertThat(record.error()).contains("NO-SUCH-CUSTOMER");
        });
        assertThat(new ImportErrorKeys(d365, Duration.ofMillis(100), Duration.ofSeconds(20), Clock.systemUTC())
                .failedRecords(execution, LINES)).as("lines of the bad order").allSatisfy(record ->
                        assertThat(record.keys().values()).contains("B3"));
    }
}
