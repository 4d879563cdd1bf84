package io.github.d365bridge.flow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.catalog.CatalogSyncFlow;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.ProductDimensions;
import io.github.d365bridge.mapping.SkuRule;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.InMemorySyncQueue;
import io.github.d365bridge.testing.SyncTestClients;
import io.github.d365bridge.testing.TestAzurite;

/**
 * On-hand stock, D365 → Commerce MSI source items, on Azurite and both sandboxes over HTTP: the D365 sandbox's
 * on-hand rows (per variant for product masters, two warehouses per legal entity) after a catalog run made the
 * products.
 */
class InventorySyncTest {

    private static final String SOURCE_ITEMS = "POST /V1/inventory/source-items";
    static final String PROFILE = """
            catalogSync:
              legalEntities: [usmf]
              storeViews: {default: "1"}
            inventorySync:
              legalEntities: [usmf, demf]
              sources: {usmf/1/11: wh-east, usmf/1/12: wh-west, demf/1/11: default}
              safetyStock: {wh-west: 2}
            """;
    /** Source of each mapped warehouse; demf/1/12 is not mapped. */
    private static final Map<String, String> SOURCES = Map.of("usmf/1/11", "wh-east", "usmf/1/12", "wh-west",
            "demf/1/11", "default");

    private StorageAccount storage;
    private D365Sandbox d365Sandbox;
    private CommerceSandbox commerceSandbox;
    private D365Client d365;
    private CommerceClient commerce;
    private final InMemorySyncQueue queue = new InMemorySyncQueue(() -> this.engine);
    private SyncEngine engine;

    @BeforeEach
    void start() {
        storage = TestAzurite.storage();
        d365Sandbox = SyncTestClients.d365Sandbox(storage, SeedSizes.DEFAULT_WITH_VARIANTS);
        commerceSandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().build());
        d365 = SyncTestClients.d365(d365Sandbox, storage);
        commerce = SyncTestClients.commerce(commerceSandbox);
        engine(PROFILE);
    }

    private void engine(String override) {
        MappingProfile profile = SyncTestClients.profile(override);
        engine = new SyncEngine(new SyncStateStore(storage, TestAzurite.uniqueName("SyncState")),
                new SyncRunStore(storage, TestAzurite.uniqueName("SyncRuns")), queue, List.of(
                new CatalogSyncFlow(() -> d365, () -> commerce, profile, 100, 200, Duration.ofSeconds(30), Clock.systemUTC()),
                new InventorySyncFlow(() -> d365, () -> commerce, profile, 100, 20)), Duration.ofMinutes(10),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    private SyncCounters run(String flow) {
        engine.start(flow, RunRequest.full("test")).orElseThrow();
        queue.drain(false);
        SyncEngine.RunSummary summary = engine.latest(flow, 1).get(0);
        assertThat(summary.run().finishedAt()).as("run finished").isPresent();
        return summary.counters();
    }

    private void publishCatalog() {
        SyncCounters catalog = run(CatalogSyncFlow.NAME);
        assertThat(catalog.failed()).as("catalog failures: %s", catalog.reasons()).isZero();
    }

    private List<Map<String, Object>> onHand(java.util.function.Predicate<Map<String, Object>> filter) {
        return d365Sandbox.data().rows("WarehousesOnHandV2", r -> Set.of("usmf", "demf").contains(r.get("dataAreaId"))
                && filter.test(r));
    }

    private static String warehouse(Map<String, Object> row) {
        return row.get("dataAreaId") + "/" + row.get("InventorySiteId") + "/" + row.get("InventoryWarehouseId");
    }

    private static String sku(Map<String, Object> row) {
        ProductDimensions dimensions = new ProductDimensions((String) row.get("ProductColorId"),
                (String) row.get("ProductSizeId"), (String) row.get("ProductStyleId"),
                (String) row.get("ProductConfigurationId"), (String) row.get("ProductVersionId"));
        String item = SkuRule.sku((String) row.get("ItemNumber"));
        return dimensions.equals(ProductDimensions.NONE) ? item : SkuRule.variantSku(item, dimensions);
    }

    /** What the rules make of a row: available on hand less the source's safety stock, whole units, at least 0. */
    private static BigDecimal expected(Map<String, Object> row, String source) {
        BigDecimal quantity = ((BigDecimal) row.get("AvailableOnHandQuantity"))
                .subtract(source.equals("wh-west") ? BigDecimal.valueOf(2) : BigDecimal.ZERO)
                .setScale(0, RoundingMode.FLOOR);
        return quantity.max(BigDecimal.ZERO);
    }

    private ObjectNode sourceItem(String sku, String source) {
        return commerceSandbox.data().sourceItem(sku, source)
                .orElseThrow(() -> new AssertionError("no source item " + sku + "@" + source));
    }

    @Test
    void everyMappedRowBecomesItsSourceItemVariantsTheirOwnAndANoChangeRunWritesNothing() {
        publishCatalog();
        commerceSandbox.stats().reset();

        SyncCounters first = run(InventorySyncFlow.NAME);

        List<Map<String, Object>> mapped = onHand(r -> SOURCES.containsKey(warehouse(r)));
        List<Map<String, Object>> unmapped = onHand(r -> !SOURCES.containsKey(warehouse(r)));
        assertThat(first.failed()).as("failures: %s", first.reasons()).isZero();
        assertThat(first.written()).isEqualTo(mapped.size());
        assertThat(first.skipped()).as("rows of demf/1/12, not mapped").isEqualTo(unmapped.size()).isPositive();
        int variants = 0;
        for (Map<String, Object> row : mapped) {
            String source = SOURCES.get(warehouse(row));
            ObjectNode item = sourceItem(sku(row), source);
            BigDecimal quantity = expected(row, source);
            assertThat(item.get("quantity").decimalValue()).as("%s@%s", sku(row), source).isEqualByComparingTo(quantity);
            assertThat(item.get("status").asInt()).isEqualTo(quantity.signum() > 0 ? 1 : 0);
            variants += sku(row).contains("~") ? 1 : 0;
        }
        assertThat(variants).as("variant rows went to the variants' SKUs").isPositive();
        // pages of 100 rows (whole items), chunks of 20: no more calls than the chunks of each page
        assertThat(commerceSandbox.stats().calls(SOURCE_ITEMS)).isLessThanOrEqualTo(
                (long) Math.ceil(mapped.size() / 20.0) + 2L * (mapped.size() / 100 + 2));
        assertThat(commerceSandbox.stats().items(SOURCE_ITEMS)).isEqualTo(mapped.size());

        commerceSandbox.stats().reset();
        SyncCounters again = run(InventorySyncFlow.NAME);

        assertThat(again.written() + again.failed() + again.changed() + again.added()).isZero();
        assertThat(commerceSandbox.stats().totalWrites()).as("writes: %s", commerceSandbox.stats().writes()).isZero();
    }

    @Test
    void aChangedQuantityIsWrittenAloneAndARowGoneFromD365LeavesItsSourceOutOfStock() {
        publishCatalog();
        run(InventorySyncFlow.NAME);
        Map<String, Object> changed = new HashMap<>(onHand(r -> warehouse(r).equals("usmf/1/11")
                && ((BigDecimal) r.get("AvailableOnHandQuantity")).signum() > 0).get(3));
        changed.put("AvailableOnHandQuantity", new BigDecimal("7.6"));
        assertThat(d365Sandbox.data().table("WarehousesOnHandV2").replace(changed)).isTrue();
        Map<String, Object> gone = onHand(r -> warehouse(r).equals("usmf/1/12")
                && ((BigDecimal) r.get("AvailableOnHandQuantity")).compareTo(BigDecimal.TEN) > 0).get(5);
        assertThat(d365Sandbox.data().table("WarehousesOnHandV2").delete(List.of(gone.get("dataAreaId"),
                gone.get("ItemNumber"), gone.get("ProductColorId"), gone.get("ProductConfigurationId"),
                gone.get("ProductSizeId"), gone.get("ProductStyleId"), gone.get("ProductVersionId"),
                gone.get("InventorySiteId"), gone.get("InventoryWarehouseId")))).isTrue();
        commerceSandbox.stats().reset();

        SyncCounters after = run(InventorySyncFlow.NAME);

        assertThat(after.changed()).isEqualTo(1);
        assertThat(after.written()).isEqualTo(1);
        assertThat(after.removed()).isEqualTo(1);
        assertThat(commerceSandbox.stats().calls(SOURCE_ITEMS)).as("the change and the removal").isEqualTo(2);
        assertThat(sourceItem(sku(changed), "wh-east").get("quantity").decimalValue())
                .as("7.6 on hand: 7 whole units").isEqualByComparingTo("7");
        ObjectNode zero = sourceItem(sku(gone), "wh-west");
        assertThat(zero.get("quantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(zero.get("status").asInt()).isZero();
    }

    @Test
    void anItemCommerceDoesNotKnowFailsAloneWithCommercesReasonAndTheRestOfItsChunkIsWritten() {
        publishCatalog();
        Map<String, Object> template = onHand(r -> warehouse(r).equals("usmf/1/11")).get(0);
        Map<String, Object> unknown = new HashMap<>(template);
        unknown.put("ItemNumber", "P000001A"); // sorts right after P000001, so it shares that item's chunk
        unknown.put("AvailableOnHandQuantity", new BigDecimal("5"));
        d365Sandbox.data().insert("WarehousesOnHandV2", unknown);

        SyncCounters first = run(InventorySyncFlow.NAME);

        assertThat(first.failed()).as("failures: %s", first.reasons()).isEqualTo(1);
        assertThat(first.reasons().keySet()).filteredOn(r -> !r.startsWith("warehouse demf/1/12")).singleElement()
                .asString().contains("P000001A@wh-east").contains("Product with SKU \"P000001A\" does not exist");
        List<Map<String, Object>> mapped = onHand(r -> SOURCES.containsKey(warehouse(r))
                && !r.get("ItemNumber").equals("P000001A"));
        assertThat(first.written()).isEqualTo(mapped.size());
        for (Map<String, Object> row : mapped) {
            assertThat(commerceSandbox.data().sourceItem(sku(row), SOURCES.get(warehouse(row)))).isPresent();
        }
    }

    @Test
    void aSingleSourceStoreGetsItsStockItemsFromTheOneMappedWarehouse() {
        engine("""
                catalogSync:
                  legalEntities: [usmf]
                  storeViews: {default: "1"}
                inventorySync:
                  legalEntities: [usmf]
                  sources: {usmf/1/11: default}
                  target: stockItems
                """);
        publishCatalog();

        SyncCounters first = run(InventorySyncFlow.NAME);

        assertThat(first.failed()).as("failures: %s", first.reasons()).isZero();
        List<Map<String, Object>> mapped = onHand(r -> warehouse(r).equals("usmf/1/11"));
        assertThat(first.written()).isEqualTo(mapped.size());
        for (Map<String, Object> row : mapped.subList(0, 40)) {
            ObjectNode stock = (ObjectNode) commerceSandbox.data().catalog().globalRow(sku(row)).orElseThrow()
                    .path("extension_attributes").path("stock_item");
            BigDecimal quantity = expected(row, "default");
            assertThat(stock.get("qty").decimalValue()).as("qty of %s", sku(row)).isEqualByComparingTo(quantity);
            assertThat(stock.get("is_in_stock").asBoolean()).isEqualTo(quantity.signum() > 0);
        }
    }
}
