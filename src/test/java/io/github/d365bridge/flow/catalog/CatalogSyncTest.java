package io.github.d365bridge.flow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRun;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.data.ProductCatalog;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.seed.ProductGenerator;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.InMemorySyncQueue;
import io.github.d365bridge.testing.SyncTestClients;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The catalog sync end to end on the sync engine: D365 sandbox and Commerce sandbox over HTTP (Commerce with a
 * German store view on the EU website), state on Azurite, the test playing the sync queue. Expectations come
 * from D365's rows by the plain rules (every released item once, the German store view named in German, a sell
 * end date in the past disables), not from the bridge's mapper.
 */
public class CatalogSyncTest {

    private static final int PAGE = 30;
    private static final int BULK = 25;
    /** usmf and demf to three store views, one German on the EU website (the benchmark uses it too). */
    public static final String PROFILE = """
            stores:
              eu_de: {legalEntity: demf, languageId: de, currency: EUR}
            catalogSync:
              legalEntities: [usmf, demf]
              storeViews: {default: "1", eu_en: "2", eu_de: "2"}
            """;

    private StorageAccount storage;
    private D365Sandbox d365Sandbox;
    private CommerceSandbox commerceSandbox;
    private D365Client d365;
    private CommerceClient commerce;
    private SyncStateStore state;
    private SyncRunStore runs;
    private final InMemorySyncQueue queue = new InMemorySyncQueue(() -> this.engine);
    private SyncEngine engine;
    private MappingProfile profile;

    @BeforeEach
    void start() {
        storage = TestAzurite.storage();
        d365Sandbox = SyncTestClients.d365Sandbox(storage, SeedSizes.DEFAULT);
        commerceSandbox = SyncTestClients.commerceSandboxWithGermanStoreView();
        d365 = SyncTestClients.d365(d365Sandbox, storage);
        commerce = SyncTestClients.commerce(commerceSandbox);
        state = new SyncStateStore(storage, TestAzurite.uniqueName("SyncState"));
        runs = new SyncRunStore(storage, TestAzurite.uniqueName("SyncRuns"));
        profile = SyncTestClients.profile(PROFILE);
        engine = engine(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    private SyncEngine engine(Duration bulkWait) {
        CatalogSyncFlow flow = new CatalogSyncFlow(() -> d365, () -> commerce, profile, PAGE, BULK, bulkWait,
                Clock.systemUTC());
        return new SyncEngine(state, runs, queue, List.of(flow), Duration.ofMinutes(10), Clock.systemUTC());
    }

    private SyncCounters run() {
        SyncRun run = engine.start(CatalogSyncFlow.NAME, RunRequest.full("test")).orElseThrow();
        queue.drain(false);
        SyncEngine.RunSummary summary = engine.latest(CatalogSyncFlow.NAME, 1).get(0);
        assertThat(summary.run().runId()).isEqualTo(run.runId());
        assertThat(summary.run().finishedAt()).as("run finished").isPresent();
        return summary.counters();
    }

    /** Item number → legal entities releasing it, from D365's rows (usmf and demf, the profile's). */
    private Map<String, Set<String>> released() {
        Map<String, Set<String>> items = new LinkedHashMap<>();
        d365Sandbox.data().rows("ReleasedProductsV2", r -> Set.of("usmf", "demf").contains(r.get("dataAreaId")))
                .forEach(r -> items.computeIfAbsent((String) r.get("ItemNumber"), k -> new TreeSet<>())
                        .add((String) r.get("dataAreaId")));
        return items;
    }

    private Optional<ObjectNode> product(String sku, int storeId) {
        return storeId == 0 ? commerceSandbox.data().catalog().globalRow(sku) : commerceSandbox.data().catalog().view(sku, storeId);
    }

    private static String sku(String item) {
        return io.github.d365bridge.mapping.SkuRule.sku(item);
    }

    @Test
    void aFirstRunPublishesEveryReleasedItemOnceWithItsStoreViewsThenANoChangeRunWritesNothing() {
        Map<String, Set<String>> items = released();
        int before = commerceSandbox.data().catalog().skus().size();
        commerceSandbox.stats().reset();

        SyncCounters full = run();

        assertThat(full.failed()).as("failures: %s", full.reasons()).isZero();
        assertThat(commerceSandbox.data().catalog().skus()).hasSize(before + items.size());
        for (Map.Entry<String, Set<String>> item : items.entrySet()) {
            ObjectNode global = product(sku(item.getKey()), 0).orElseThrow(() -> new AssertionError("no product " + item));
            Set<Integer> websites = new TreeSet<>();
            global.path("extension_attributes").path("website_ids").forEach(id -> websites.add(id.asInt()));
            assertThat(websites).as("websites of %s", item.getKey())
                    .isEqualTo(item.getValue().stream().map(le -> le.equals("usmf") ? 1 : 2).collect(Collectors.toSet()));
        }
        // the item with a leading space is a SKU Commerce does not trim, and maps back to the item for orders
        String spaced = ProductGenerator.LEADING_SPACE_ITEM;
        assertThat(product("%20RFI-TEST-001", 0)).isPresent();
        assertThat(commerceSandbox.data().catalog().exists(spaced.strip())).isFalse();
        assertThat(profile.items().itemNumber("%20RFI-TEST-001")).contains(spaced);
        // D365 service items (every 25th of the sandbox's) become virtual products without weight
        assertThat(d365Sandbox.data().find("ReleasedProductsV2", "usmf", "P000024").orElseThrow().get("ProductType"))
                .isEqualTo("Service");
        assertThat(product("P000024", 0).orElseThrow().path("type_id").asText()).isEqualTo("virtual");
        assertThat(product("P000024", 0).orElseThrow().has("weight")).isFalse();
        assertThat(product("P000001", 0).orElseThrow().path("type_id").asText()).isEqualTo("simple");
        // names: English globally and in the English store views, German in the German one
        Map<String, Object> p1 = d365Sandbox.data().find("ProductsV2", "P000001").orElseThrow();
        Map<String, Object> p1de = d365Sandbox.data().find("ProductTranslations", "P000001", "de").orElseThrow();
        assertThat(product("P000001", 0).orElseThrow().path("name").asText()).isEqualTo(p1.get("ProductName"));
        assertThat(product("P000001", 2).orElseThrow().path("name").asText()).isEqualTo(p1.get("ProductName"));
        assertThat(product("P000001", 3).orElseThrow().path("name").asText()).isEqualTo(p1de.get("ProductName"));
        assertThat(ProductCatalog.customAttribute(product("P000001", 3).orElseThrow(), "description"))
                .contains((String) p1de.get("Description"));
        // status per store view follows that legal entity's sell dates and lifecycle
        LocalDate today = LocalDate.now();
        for (Map<String, Object> row : d365Sandbox.data().rows("ReleasedProductsV2", r -> r.get("dataAreaId").equals("demf"))) {
            boolean stopped = row.get("SellEndDate") instanceof LocalDate end && end.isBefore(today)
                    || "Obsolete".equals(row.get("ProductLifecycleStateId"))
                    || row.get("SellStartDate") instanceof LocalDate begin && begin.isAfter(today);
            assertThat(product(sku((String) row.get("ItemNumber")), 2).orElseThrow().path("status").asInt())
                    .as("status of %s in eu_en", row.get("ItemNumber")).isEqualTo(stopped ? 2 : 1);
        }
        // every URL key unique, made of name and item number
        List<String> keys = items.keySet().stream().map(i -> ProductCatalog.urlKey(product(sku(i), 0).orElseThrow()).orElseThrow())
                .toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(ProductCatalog.urlKey(product("P000001", 0).orElseThrow())).contains(
                ProductCatalog.formatUrlKey((String) p1.get("ProductName")) + "-p000001");
        // bulks only, 25 entries each: per page one series for the products and one per store view (every item is
        // released in both legal entities, so each shows in all three); the websites rode along with the creates
        long expectedCalls = 0;
        for (int left = items.size(); left > 0; left -= PAGE) {
            expectedCalls += (Math.min(PAGE, left) + BULK - 1) / BULK * (1 + 3);
        }
        assertThat(items.values()).allMatch(les -> les.size() == 2);
        assertThat(commerceSandbox.stats().totalWrites()).as("write calls: %s", commerceSandbox.stats().writes())
                .isEqualTo(expectedCalls);
        assertThat(full.written()).isEqualTo(items.size() * (1 + 1 + 3L));

        commerceSandbox.stats().reset();
        SyncCounters again = run();

        assertThat(again.written() + again.failed() + again.changed() + again.added()).isZero();
        assertThat(commerceSandbox.stats().totalWrites()).as("writes: %s", commerceSandbox.stats().writes()).isZero();
    }

    @Test
    void aRenameInD365ChangesTheNamesButNeverTheUrlKeyAndProductsOfOneNameGetTheirOwnKeys() {
        String name = (String) d365Sandbox.data().find("ProductsV2", "P000001").orElseThrow().get("ProductName");
        Map<String, Object> twin = new HashMap<>(d365Sandbox.data().find("ProductsV2", "P000002").orElseThrow());
        twin.put("ProductName", name);
        d365Sandbox.data().table("ProductsV2").replace(twin);
        run();
        String key1 = ProductCatalog.urlKey(product("P000001", 0).orElseThrow()).orElseThrow();
        String key2 = ProductCatalog.urlKey(product("P000002", 0).orElseThrow()).orElseThrow();
        assertThat(key1).isNotEqualTo(key2);
        assertThat(product("P000002", 0).orElseThrow().path("name").asText()).isEqualTo(name);

        Map<String, Object> renamed = new HashMap<>(d365Sandbox.data().find("ProductsV2", "P000001").orElseThrow());
        renamed.put("ProductName", "Completely New Name");
        d365Sandbox.data().table("ProductsV2").replace(renamed);
        SyncCounters after = run();

        assertThat(after.written()).as("the product record of the renamed item").isEqualTo(1);
        assertThat(product("P000001", 0).orElseThrow().path("name").asText()).isEqualTo("Completely New Name");
        assertThat(ProductCatalog.urlKey(product("P000001", 0).orElseThrow())).contains(key1);
    }

    @Test
    void aProductGoneFromD365IsDisabledEverywhereAndKept() {
        run();
        for (String le : List.of("usmf", "demf")) {
            assertThat(d365Sandbox.data().table("ReleasedProductsV2").delete(List.of(le, "P000003"))).isTrue();
        }

        SyncCounters after = run();

        assertThat(after.removed()).isEqualTo(1);
        for (int store : new int[] {0, 1, 2, 3}) {
            assertThat(product("P000003", store).orElseThrow().path("status").asInt()).as("status in store %d", store)
                    .isEqualTo(2);
        }
        assertThat(run().removed()).as("reported once").isZero();
    }

    @Test
    void aProductMadeInCommerceBeforeIsAdoptedKeepingItsUrlKeyTypeAndCategories() {
        ObjectNode existing = io.github.d365bridge.ground.Json.mapper().createObjectNode().put("sku", "P000004")
                .put("name", "Merchant's own name").put("price", 1).put("type_id", "simple");
        existing.putArray("custom_attributes").addObject().put("attribute_code", "url_key").put("value", "merchant-key");
        existing.with("extension_attributes").putArray("category_links").addObject().put("category_id", "7");
        commerceSandbox.data().catalog().create(existing.deepCopy().put("attribute_set_id", 4).put("status", 1)
                .put("visibility", 4));

        SyncCounters full = run();

        assertThat(full.adopted()).isEqualTo(1);
        ObjectNode adopted = product("P000004", 0).orElseThrow();
        assertThat(ProductCatalog.urlKey(adopted)).contains("merchant-key");
        assertThat(adopted.path("extension_attributes").path("category_links")).hasSize(1);
        assertThat(adopted.path("name").asText()).isEqualTo(d365Sandbox.data().find("ProductsV2", "P000004").orElseThrow()
                .get("ProductName"));
    }

    @Test
    void failedBulkOperationsKeepTheirReasonAndOnlyTheyAreWrittenAgain() {
        commerceSandbox.faults().failBulkOperationsWhere("/sku", "P000005", SandboxFaults.BulkFailure.PERMANENT);
        commerceSandbox.faults().failBulkOperationsWhere("/sku", "P000006", SandboxFaults.BulkFailure.RETRIABLE);

        SyncCounters first = run();

        // P000005 refused: its product and, waiting for it, its websites and store views; P000006 the same, for now
        assertThat(first.failed()).as("reasons %s", first.reasons()).isPositive();
        assertThat(state.failures(CatalogSyncFlow.NAME, 100)).extracting(f -> f.key()).containsOnly("P000005", "P000006");
        assertThat(first.reasons().keySet()).anyMatch(r -> r.contains("the sandbox rejected"))
                .anyMatch(r -> r.startsWith("waiting for its product"));
        commerceSandbox.faults().clear();
        Set<String> earlierBulks = Set.copyOf(commerceSandbox.bulks().uuids());

        SyncCounters second = run();

        // the retriable one passes; the refused one is not sent again while its content is the same, and what
        // waits for it keeps waiting (never a store view write that would create half a product)
        assertThat(product("P000006", 3)).isPresent();
        assertThat(product("P000005", 0)).isEmpty();
        assertThat(second.stillFailed()).isEqualTo(1);
        assertThat(second.reasons().keySet()).filteredOn(r -> r.startsWith("waiting for its product")).isNotEmpty();
        assertThat(state.failures(CatalogSyncFlow.NAME, 100)).extracting(f -> f.key()).containsOnly("P000005");
        long operations = commerceSandbox.bulks().uuids().stream().filter(u -> !earlierBulks.contains(u))
                .mapToLong(u -> commerceSandbox.bulks().operations(u).size()).sum();
        assertThat(operations).as("operations of the second run: P000006's records only").isEqualTo(1 + 3);

        // an operator replays the refused one alone: it is written with everything that waited for it
        SyncRun replay = engine.start(CatalogSyncFlow.NAME, new RunRequest(Optional.of("usmf"), Optional.of("P000005"),
                false, "test")).orElseThrow();
        queue.drain(false);
        SyncCounters alone = engine.latest(CatalogSyncFlow.NAME, 1).get(0).counters();
        assertThat(engine.latest(CatalogSyncFlow.NAME, 1).get(0).run().runId()).isEqualTo(replay.runId());
        assertThat(alone.failed()).as("reasons %s", alone.reasons()).isZero();
        assertThat(product("P000005", 3)).isPresent();
        assertThat(state.failures(CatalogSyncFlow.NAME, 100)).isEmpty();
    }

    @Test
    void aStaleBulkFailsForNowAndTheNextRunWritesItsRecordsOnce() {
        engine = engine(Duration.ofSeconds(2));
        commerceSandbox.bulkConsumer().pause(true);

        SyncCounters stale = run();

        assertThat(stale.reasons().keySet()).anyMatch(r -> r.startsWith("stale bulk"));
        commerceSandbox.bulkConsumer().pause(false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> commerceSandbox.bulks().openCount() == 0);
        engine = engine(Duration.ofSeconds(30));

        SyncCounters next = run();

        assertThat(next.failed()).as("reasons %s", next.reasons()).isZero();
        assertThat(next.adopted()).as("created by the stale bulk, found and adopted").isPositive();
        Map<String, Set<String>> items = released();
        items.keySet().forEach(i -> assertThat(product(sku(i), 3).isPresent() || !items.get(i).contains("demf")).isTrue());
        assertThat(commerceSandbox.data().catalog().skus().stream().filter(s -> s.startsWith("P0")).count())
                .isEqualTo(items.keySet().stream().filter(i -> i.startsWith("P0")).count());
    }
}
