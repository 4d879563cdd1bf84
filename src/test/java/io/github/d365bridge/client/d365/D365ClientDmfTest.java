package io.github.d365bridge.client.d365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.dmf.ImportRequest;
import io.github.d365bridge.client.d365.dmf.WriteUrl;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.SalesOrderHeaderV2;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.client.d365.pkg.DataPackageWriter;
import io.github.d365bridge.client.d365.pkg.PackageDefinition;
import io.github.d365bridge.client.d365.pkg.PackageEntity;
import io.github.d365bridge.client.d365.pkg.PackageRow;
import io.github.d365bridge.client.d365.pkg.RowIterator;

/** The DMF package API through the client against the sandbox on Azurite: import, export, error keys, SAS, hosts. */
class D365ClientDmfTest {

    private static final String HEADERS = "Sales order headers V2";
    private static final String LINES = "Sales order lines V3";
    private static final List<String> HEADER_FIELDS = List.of("SALESORDERNUMBER", "ORDERINGCUSTOMERACCOUNTNUMBER",
            "CUSTOMERSORDERREFERENCE", "CURRENCYCODE");
    private static final List<String> LINE_FIELDS = List.of("SALESORDERNUMBER", "LINENUMBER", "ITEMNUMBER",
            "ORDEREDSALESQUANTITY", "SALESPRICE");

    private static D365TestEnvironment env;
    private static D365Client client;
    private static String customer;
    private static String item;

    @BeforeAll
    static void start() {
        env = new D365TestEnvironment(b -> b);
        client = env.client();
        try (Stream<CustomerV3> customers = client.odata().stream(CustomerV3.ENTITY_SET,
                ODataQuery.all().company("usmf").top(1), CustomerV3.class);
                Stream<ReleasedProductV2> items = client.odata().stream(ReleasedProductV2.ENTITY_SET,
                        ODataQuery.all().company("usmf").top(1), ReleasedProductV2.class)) {
            customer = customers.findFirst().orElseThrow().customerAccount();
            item = items.findFirst().orElseThrow().itemNumber();
        }
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void importRoundTripCreatesOrdersReadableByCustomerReference() throws Exception {
        String reference = "default:" + UUID.randomUUID();
        Path zip = orders(List.of(List.of("P1", customer, reference, "USD")),
                List.of(List.of("P1", "1", item, "2", "10.50"), List.of("P1", "2", item, "1", "3")));

        String executionId = runImport(zip, "SalesOrderImport");

        assertThat(awaitFinished(executionId)).isEqualTo(DmfExecutionStatus.SUCCEEDED);
        assertThat(client.dmf().getExecutionErrors(executionId)).isEmpty();
        try (Stream<SalesOrderHeaderV2> created = client.odata().stream(SalesOrderHeaderV2.ENTITY_SET,
                ODataQuery.all().company("usmf").filter("CustomersOrderReference eq " + ODataLiteral.string(reference)),
                SalesOrderHeaderV2.class)) {
            List<SalesOrderHeaderV2> headers = created.toList();
            assertThat(headers).singleElement().satisfies(h -> {
                assertThat(h.salesOrderNumber()).isNotBlank().isNotEqualTo("P1");
                assertThat(h.orderingCustomerAccountNumber()).isEqualTo(customer);
            });
        }
        assertThat(client.dmf().getExecutionSummaryPageUrl(executionId)).isPresent();
    }

    @Test
    void partialSuccessYieldsAnErrorKeysFileNamingTheBadOrder() throws Exception {
        String good = "default:good-" + UUID.randomUUID();
        String bad = "default:bad-" + UUID.randomUUID();
        Path zip = orders(List.of(List.of("G1", customer, good, "USD"), List.of("B1", "NO-SUCH-CUSTOMER", bad, "USD")),
                List.of(List.of("G1", "1", item, "1", "5"), List.of("B1", "1", item, "1", "5")));

        String executionId = runImport(zip, "SalesOrderImport");

        assertThat(awaitFinished(executionId)).isEqualTo(DmfExecutionStatus.PARTIALLY_SUCCEEDED);
        assertThat(client.dmf().generateImportTargetErrorKeysFile(executionId, HEADERS)).isTrue();
        AtomicReference<URI> url = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Optional<URI> ready = client.dmf().getImportTargetErrorKeysFileUrl(executionId, HEADERS);
            ready.ifPresent(url::set);
            return ready.isPresent();
        });
        String errorKeys;
        try (InputStream in = client.dmf().download(url.get(), "error keys of " + executionId)) {
            errorKeys = new String(in.readAllBytes(), StandardCharsets.UTF_16LE);
        }
        assertThat(errorKeys).contains(bad).contains("NO-SUCH-CUSTOMER").doesNotContain(good);
        assertThat(client.dmf().getImportStagingErrorFileUrl(executionId, HEADERS)).isPresent();
    }

    @Test
    void expiredWriteUrlIsReplacedByAFreshOneOnce() throws Exception {
        Path zip = orders(List.of(List.of("S1", customer, "default:sas-" + UUID.randomUUID(), "USD")),
                List.of(List.of("S1", "1", item, "1", "1")));
        env.sandbox.faults().expireNextWriteUrls(1);

        WriteUrl uploaded = client.dmf().uploadPackage("sas-" + UUID.randomUUID() + ".zip", zip);
        String executionId = client.dmf().importFromPackage(new ImportRequest(uploaded.blobUrl(), "SalesOrderImport",
                "", "usmf"));
        assertThat(awaitFinished(executionId)).isEqualTo(DmfExecutionStatus.SUCCEEDED);

        env.sandbox.faults().expireNextWriteUrls(2);
        assertThatThrownBy(() -> client.dmf().uploadPackage("sas2-" + UUID.randomUUID() + ".zip", zip))
                .hasMessageContaining("SAS expired or revoked").hasMessageNotContaining("sig=");
        env.sandbox.faults().clear();
    }

    @Test
    void exportRoundTripReadsThePackageD365Built() throws Exception {
        String executionId = client.dmf().exportToPackage("OnHandExport", "onhand-" + UUID.randomUUID(), "", false,
                "usmf");
        assertThat(awaitFinished(executionId)).isEqualTo(DmfExecutionStatus.SUCCEEDED);
        AtomicReference<URI> url = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Optional<URI> ready = client.dmf().getExportedPackageUrl(executionId);
            ready.ifPresent(url::set);
            return ready.isPresent();
        });
        Path zip = Files.createTempFile("export-", ".zip");
        try (InputStream in = client.dmf().download(url.get(), "export " + executionId)) {
            Files.copy(in, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<PackageRow> rows = new ArrayList<>();
        try (DataPackageReader reader = DataPackageReader.open(zip);
                RowIterator it = reader.rows(reader.entities().get(0))) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("ITEMNUMBER")).isNotBlank();
            assertThat(row.get("INVENTORYWAREHOUSEID")).isNotBlank();
        });
    }

    @Test
    void blobUrlsOutsideTheAllowListAreRefused() {
        D365Client strict = D365Client.create(env.options(D365TestEnvironment.CLIENT_ID, D365TestEnvironment.SECRET,
                List.of()));
        assertThatThrownBy(() -> strict.dmf().getAzureWriteUrl("x.zip")).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("Refusing to upload to http://127.0.0.1:")
                .hasMessageContaining("bridge.d365.allowed-blob-hosts");
    }

    @Test
    void unknownExecutionIsReportedAsNotFound() {
        assertThat(client.dmf().getExecutionSummaryStatus("no-such-execution")).isEqualTo(DmfExecutionStatus.NOT_FOUND);
    }

    private static String runImport(Path zip, String project) {
        WriteUrl uploaded = client.dmf().uploadPackage("orders-" + UUID.randomUUID() + ".zip", zip);
        return client.dmf().importFromPackage(new ImportRequest(uploaded.blobUrl(), project, "", "usmf"));
    }

    private static DmfExecutionStatus awaitFinished(String executionId) {
        AtomicReference<DmfExecutionStatus> status = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            status.set(client.dmf().getExecutionSummaryStatus(executionId));
            return status.get().isFinished();
        });
        return status.get();
    }

    private static Path orders(List<List<String>> headers, List<List<String>> lines) throws Exception {
        PackageDefinition definition = PackageDefinition.of("SalesOrderImport", "Commerce orders",
                PackageEntity.of(HEADERS, "SalesOrderHeadersV2", HEADER_FIELDS).withPosition(1, 1, 1),
                PackageEntity.of(LINES, "SalesOrderLinesV3", LINE_FIELDS).withPosition(1, 2, 1));
        Path zip = Files.createTempFile("orders-", ".zip");
        try (var out = Files.newOutputStream(zip); DataPackageWriter writer = new DataPackageWriter(out, definition)) {
            writer.writeEntity(HEADERS, headers.iterator());
            writer.writeEntity(LINES, lines.iterator());
        }
        return zip;
    }
}
