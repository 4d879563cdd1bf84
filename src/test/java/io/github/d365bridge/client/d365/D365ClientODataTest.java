package io.github.d365bridge.client.d365;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.odata.ODataKey;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.sandbox.d365.SeedSizes;

/** The D365 client against the D365 sandbox over real HTTPS: auth, paging, writes, throttling, errors. */
class D365ClientODataTest {

    private static final int CUSTOMERS = 100_000;
    private static D365TestEnvironment env;
    private static D365Client client;

    @BeforeAll
    static void start() {
        env = new D365TestEnvironment(b -> b.seedSizes(new SeedSizes(CUSTOMERS, 20, 2, 2)));
        client = env.client();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @BeforeEach
    void clearFaults() {
        env.sandbox.faults().clear();
    }

    @Test
    void streamsOneHundredThousandRowsAcrossPagesWithFlatHeap() throws Exception {
        AtomicLong rows = new AtomicLong();
        long baseline = retainedHeap();
        long[] peakRetained = {0};
        try (Stream<CustomerV3> customers = client.odata().stream(CustomerV3.ENTITY_SET,
                ODataQuery.all().company("usmf").select("dataAreaId", "CustomerAccount", "OrganizationName"),
                CustomerV3.class)) {
            customers.forEach(customer -> {
                assertThat(customer.dataAreaId()).isEqualTo("usmf");
                if (rows.incrementAndGet() % 25_000 == 0) {
                    peakRetained[0] = Math.max(peakRetained[0], retainedHeap() - baseline);
                }
            });
        }
        assertThat(rows).hasValue(CUSTOMERS);
        long peakMb = peakRetained[0] / (1024 * 1024);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/d365-paging-report.txt"), "rows=" + rows + " pageSize=10000"
                + " peakRetainedHeapMb=" + peakMb + "\n");
        // 100,000 customer records held at once would retain well over 50 MB; streaming keeps one page buffer.
        assertThat(peakMb).as("retained heap while streaming, MB").isLessThan(48);
    }

    @Test
    void createsReadsAndUpdatesByKeyWithEtagCheck() {
        ReleasedProductV2 anyItem;
        try (Stream<ReleasedProductV2> items = client.odata().stream(ReleasedProductV2.ENTITY_SET,
                ODataQuery.all().company("usmf").top(1), ReleasedProductV2.class)) {
            anyItem = items.findFirst().orElseThrow();
        }
        assertThat(client.odata().get(ReleasedProductV2.ENTITY_SET,
                ODataKey.of("dataAreaId", "usmf", "ItemNumber", anyItem.itemNumber()), ReleasedProductV2.class))
                .get().extracting(ReleasedProductV2::itemNumber).isEqualTo(anyItem.itemNumber());

        CustomerV3 created = client.odata().create(CustomerV3.ENTITY_SET, Map.of("dataAreaId", "usmf",
                "OrganizationName", "O'Brien, \"Quotes\" & Co", "CustomerGroupId", "30", "SalesCurrencyCode", "USD"),
                CustomerV3.class);
        assertThat(created.customerAccount()).isNotBlank();
        ODataKey key = ODataKey.of("dataAreaId", "usmf", "CustomerAccount", created.customerAccount());
        CustomerV3 read = client.odata().get(CustomerV3.ENTITY_SET, key, CustomerV3.class).orElseThrow();
        assertThat(read.organizationName()).isEqualTo("O'Brien, \"Quotes\" & Co");

        client.odata().update(CustomerV3.ENTITY_SET, key, Map.of("CreditLimit", 2500), Optional.of(read.etag()));
        assertThat(client.odata().get(CustomerV3.ENTITY_SET, key, CustomerV3.class).orElseThrow().creditLimit())
                .isEqualByComparingTo(new BigDecimal("2500"));
        assertThatThrownBy(() -> client.odata().update(CustomerV3.ENTITY_SET, key, Map.of("CreditLimit", 1),
                Optional.of(read.etag()))).isInstanceOf(BridgeException.class)
                .satisfies(e -> assertThat(((BridgeException) e).httpStatus()).isEqualTo(412));
        assertThat(client.odata().get(CustomerV3.ENTITY_SET,
                ODataKey.of("dataAreaId", "usmf", "CustomerAccount", "NO-SUCH"), CustomerV3.class)).isEmpty();
    }

    @Test
    void tokenIsCachedAndReacquiredOnceAfterA401() {
        long before = env.sandbox.tokensIssued();
        for (int i = 0; i < 5; i++) {
            client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("demf").top(1));
        }
        assertThat(env.sandbox.tokensIssued() - before).isLessThanOrEqualTo(1);

        env.sandbox.revokeTokens();
        assertThat(client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf"))).isPositive();
        assertThat(env.sandbox.tokensIssued()).isGreaterThan(before);
    }

    @Test
    void unlistedAppAndWrongSecretFailWithClearPermanentErrors() {
        D365Client unlisted = D365Client.create(env.options(D365TestEnvironment.UNLISTED_ID, D365TestEnvironment.SECRET,
                List.of()));
        assertThatThrownBy(() -> unlisted.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all()))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("Microsoft Entra applications");

        D365Client wrongSecret = D365Client.create(env.options(D365TestEnvironment.CLIENT_ID, "wrong-secret-value",
                List.of()));
        long before = env.sandbox.tokensIssued();
        assertThatThrownBy(() -> wrongSecret.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all()))
                .isInstanceOf(BridgeException.class).hasMessageContaining("invalid_client")
                .hasMessageContaining("bridge.d365.client-id").hasMessageNotContaining("wrong-secret-value");
        assertThat(env.sandbox.tokensIssued()).isEqualTo(before);
    }

    @Test
    void throttlingWaitsOutRetryAfterForTheWholeClient() {
        env.sandbox.faults().failNext(1, 429, 2);
        long start = System.nanoTime();
        assertThat(client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf"))).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

        env.sandbox.faults().failNext(1, 429, null);
        long noHeader = System.nanoTime();
        client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf"));
        // the test options set the default wait to 1 s (production default: 10 s)
        assertThat(Duration.ofNanos(System.nanoTime() - noHeader)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void serverErrorsAreRetriedAndClientErrorsSurfaceD365Text() {
        env.sandbox.faults().failNext(2, 503, null);
        assertThat(client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf"))).isPositive();

        env.sandbox.faults().failNext(10, 500, null);
        assertThatThrownBy(() -> client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all()))
                .isInstanceOf(BridgeException.class).hasMessageContaining("HTTP 500");
        env.sandbox.faults().clear();

        assertThatThrownBy(() -> client.odata().count(CustomerV3.ENTITY_SET,
                ODataQuery.all().filter("CustomerGroupId in ('10','20')")))
                .isInstanceOf(BridgeException.class)
                .satisfies(e -> assertThat(((BridgeException) e).httpStatus()).isEqualTo(400))
                .hasMessageContaining("count CustomersV3");
        try (Stream<CustomerV3> leading = client.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all()
                .company("usmf").filter("CustomerAccount eq " + ODataLiteral.string(" NOPE'S")), CustomerV3.class)) {
            assertThat(leading).isEmpty();
        }
    }

    @Test
    void clientSidePagingWithTopAndSkipWhenTheServerSendsNoNextLink() {
        D365ClientOptions base = env.options(D365TestEnvironment.CLIENT_ID, D365TestEnvironment.SECRET, List.of());
        D365Client paging = D365Client.create(new D365ClientOptions(base.baseUrl(), base.authMode(), base.authority(),
                base.clientId(), base.credential(), false, base.requestTimeout(), base.retry(), List.of(),
                base.sslContext(), Optional.of(10)));
        long before = env.sandbox.faults().calls("/data/CustomersV3");
        try (Stream<CustomerV3> rows = paging.odata().stream(CustomerV3.ENTITY_SET,
                ODataQuery.all().company("demf").orderBy("CustomerAccount").top(45), CustomerV3.class)) {
            assertThat(rows.map(CustomerV3::customerAccount).distinct().count()).isEqualTo(45);
        }
        assertThat(env.sandbox.faults().calls("/data/CustomersV3") - before).as("pages of 10").isEqualTo(5);
    }

    @Test
    void droppedConnectionsAreRetried() {
        env.sandbox.faults().dropConnections(50);
        for (int i = 0; i < 6; i++) {
            assertThat(client.odata().count(CustomerV3.ENTITY_SET, ODataQuery.all().company("gbsi"))).isPositive();
        }
        assertThat(env.sandbox.faults().calls("/data/CustomersV3")).as("some calls were dropped and repeated")
                .isGreaterThan(6);
    }

    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
