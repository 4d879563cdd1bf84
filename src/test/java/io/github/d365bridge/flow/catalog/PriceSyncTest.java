package io.github.d365bridge.flow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.mapping.SkuRule;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.InMemorySyncQueue;
import io.github.d365bridge.testing.SyncTestClients;
import io.github.d365bridge.testing.TestAzurite;

/**
 * Trade agreements to tier prices end to end, after the catalog sync made the products: D365 and Commerce
 * sandboxes over HTTP, state on Azurite. Expected rows come from D365's agreement rows by the plain rules
 * (valid today, usmf's on website 1 in USD, demf's on website 2 in EUR, price group 20 → Wholesale, all
 * customers → ALL GROUPS), not from the mapper.
 */
class PriceSyncTest {

    private static final String WITH_GROUPS = CatalogSyncTest.PROFILE + "  priceGroups: {\"20\": Wholesale}\n";

    private StorageAccount storage;
    private D365Sandbox d365Sandbox;
    private CommerceSandbox commerceSandbox;
    private D365Client d365;
    private CommerceClient commerce;
    private SyncStateStore state;
    private SyncRunStore runs;
    private final InMemorySyncQueue queue = new InMemorySyncQueue(() -> this.engine);
    private SyncEngine engine;

    @BeforeEach
    void start() {
        storage = TestAzurite.storage();
        d365Sandbox = SyncTestClients.d365Sandbox(storage, SeedSizes.DEFAULT);
        commerceSandbox = SyncTestClients.commerceSandboxWithGermanStoreView();
        d365 = SyncTestClients.d365(d365Sandbox, storage);
        commerce = SyncTestClients.commerce(commerceSandbox);
        state = new SyncStateStore(storage, TestAzurite.uniqueName("SyncState"));
        runs = new SyncRunStore(storage, TestAzurite.uniqueName("SyncRuns"));
        engine = engine(WITH_GROUPS);
        run(CatalogSyncFlow.NAME); // the products the prices belong to
    }

    @AfterEach
    void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    private SyncEngine engine(String override) {
        MappingProfile profile = MappingProfileLoader.withOverride(override, "test");
        return new SyncEngine(state, runs, queue, List.of(
                new CatalogSyncFlow(() -> d365, () -> commerce, profile, 40, 100, Duration.ofSeconds(30), Clock.systemUTC()),
                new PriceSyncFlow(() -> d365, () -> commerce, profile, 40, 50, Clock.systemUTC())),
                Duration.ofMinutes(10), Clock.systemUTC());
    }

    private SyncCounters run(String flow) {
        engine.start(flow, RunRequest.full("test")).orElseThrow();
        queue.drain(false);
        return engine.latest(flow, 1).get(0).counters();
    }

    /** SKU → "website|group|qty|price" rows expected from D365's agreements. */
    private Map<String, Set<String>> expected(Map<String, String> priceGroups) {
        Map<String, Set<String>> rows = new java.util.TreeMap<>();
        LocalDate today = LocalDate.now();
        for (Map<String, Object> a : d365Sandbox.data().rows("SalesPriceAgreements",
                r -> Set.of("usmf", "demf").contains(r.get("dataAreaId")))) {
            LocalDate from = (LocalDate) a.get("PriceApplicableFromDate");
            LocalDate to = (LocalDate) a.get("PriceApplicableToDate");
            String code = (String) a.get("PriceCustomerGroupCode");
            boolean valid = (from == null || !today.isBefore(from)) && (to == null || !today.isAfter(to));
            String sku = SkuRule.sku((String) a.get("ItemNumber"));
            rows.computeIfAbsent(sku, k -> new TreeSet<>());
            if (!valid || !code.isEmpty() && !priceGroups.containsKey(code)) {
                continue;
            }
            int website = a.get("dataAreaId").equals("usmf") ? 1 : 2;
            String group = code.isEmpty() ? "ALL GROUPS" : priceGroups.get(code);
            BigDecimal qty = ((BigDecimal) a.get("FromQuantity")).max(BigDecimal.ONE);
            rows.get(sku).add(website + "|" + group + "|" + qty.stripTrailingZeros().toPlainString() + "|"
                    + ((BigDecimal) a.get("Price")).stripTrailingZeros().toPlainString());
        }
        return rows;
    }

    private Map<String, Set<String>> inCommerce() {
        Map<String, Set<String>> rows = new java.util.TreeMap<>();
        for (var row : commerceSandbox.data().tierPriceRows()) {
            rows.computeIfAbsent(row.get("sku").asText(), k -> new TreeSet<>()).add(row.get("website_id").asInt() + "|"
                    + row.get("customer_group").asText() + "|"
                    + row.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + "|"
                    + row.get("price").decimalValue().stripTrailingZeros().toPlainString());
        }
        return rows;
    }

    @Test
    void everySkuGetsExactlyItsValidAgreementsAndANoChangeRunWritesNothing() {
        SyncCounters full = run(PriceSyncFlow.NAME);

        assertThat(full.failed()).as("reasons %s", full.reasons()).isZero();
        Map<String, Set<String>> expected = expected(Map.of("20", "Wholesale"));
        expected.values().removeIf(Set::isEmpty);
        assertThat(inCommerce()).isEqualTo(expected);
        assertThat(expected.values().stream().flatMap(Set::stream)).anyMatch(r -> r.contains("|Wholesale|"))
                .anyMatch(r -> r.startsWith("2|ALL GROUPS|"));
        // products with an agreement expired in the past have none of its rows (P000005: 5 % 11)
        assertThat(d365Sandbox.data().rows("SalesPriceAgreements", r -> r.get("ItemNumber").equals("P000005")))
                .isNotEmpty().allMatch(r -> r.get("PriceApplicableToDate") != null);
        assertThat(inCommerce()).doesNotContainKey("P000005");

        commerceSandbox.stats().reset();
        SyncCounters again = run(PriceSyncFlow.NAME);
        assertThat(again.written() + again.failed() + again.changed()).isZero();
        assertThat(commerceSandbox.stats().totalWrites()).isZero();
    }

    @Test
    void aPriceGoneFromD365GoesFromCommerceAndAnItemWithoutPricesHasNone() {
        run(PriceSyncFlow.NAME);
        var table = d365Sandbox.data().table("SalesPriceAgreements");
        List<Map<String, Object>> p1 = d365Sandbox.data().rows("SalesPriceAgreements",
                r -> r.get("ItemNumber").equals("P000001") && r.get("dataAreaId").equals("usmf"));
        assertThat(table.delete(List.of("usmf", p1.get(2).get("RecordId")))).isTrue();
        d365Sandbox.data().rows("SalesPriceAgreements", r -> r.get("ItemNumber").equals("P000002"))
                .forEach(r -> table.delete(List.of(r.get("dataAreaId"), r.get("RecordId"))));
        commerceSandbox.stats().reset();

        SyncCounters after = run(PriceSyncFlow.NAME);

        assertThat(after.written()).isEqualTo(2);
        Map<String, Set<String>> expected = expected(Map.of("20", "Wholesale"));
        expected.values().removeIf(Set::isEmpty);
        assertThat(inCommerce()).isEqualTo(expected).doesNotContainKey("P000002");
        assertThat(commerceSandbox.stats().totalWrites()).as("one replace, one delete").isEqualTo(2);
    }

    @Test
    void anUnmappedPriceGroupIsReportedAndTheOtherRowsAreWritten() {
        engine = engine(CatalogSyncTest.PROFILE);

        SyncCounters full = run(PriceSyncFlow.NAME);

        Map<String, Set<String>> expected = expected(Map.of());
        expected.values().removeIf(Set::isEmpty);
        assertThat(inCommerce()).isEqualTo(expected);
        assertThat(full.failed()).as("items with a price group 20 agreement").isPositive();
        assertThat(full.reasons().keySet()).allMatch(r -> r.contains("price group 20 is not in catalogSync.priceGroups"));
        assertThat(state.failures(PriceSyncFlow.NAME, 500)).isNotEmpty().allMatch(f -> f.reason().startsWith("not sent:"));
    }

    @Test
    void aRowCommerceRefusesFailsItsSkuWithCommercesMessage() {
        commerceSandbox.faults().failTierPriceRows(List.of("P000003"));

        SyncCounters full = run(PriceSyncFlow.NAME);

        assertThat(state.failures(PriceSyncFlow.NAME, 100)).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("P000003");
            assertThat(f.reason()).startsWith("Commerce: ").contains("Could not save Prices").contains("P000003");
        });
        assertThat(full.failed()).isEqualTo(1);
        assertThat(inCommerce()).doesNotContainKey("P000003").containsKey("P000004");
    }

    @Test
    void anItemGoneFromD365LosesTheTierPricesTheBridgeWrote() {
        run(PriceSyncFlow.NAME);
        assertThat(inCommerce()).containsKey("P000007");
        for (String le : List.of("usmf", "demf")) {
            assertThat(d365Sandbox.data().table("ReleasedProductsV2").delete(List.of(le, "P000007"))).isTrue();
        }

        SyncCounters after = run(PriceSyncFlow.NAME);

        assertThat(after.removed()).isEqualTo(1);
        assertThat(inCommerce()).doesNotContainKey("P000007").containsKey("P000008");
    }
}
