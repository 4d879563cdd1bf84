package io.github.d365bridge.flow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.catalog.ProductLink;
import io.github.d365bridge.client.d365.D365Client;
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
import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog;
import io.github.d365bridge.sandbox.commerce.data.ProductCatalog;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SeedSizes;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.InMemorySyncQueue;
import io.github.d365bridge.testing.SyncTestClients;
import io.github.d365bridge.testing.TestAzurite;

/**
 * Product masters, variants, product relations and website base prices, D365 → Commerce, on Azurite and both
 * sandboxes over HTTP, with the sandbox's realistic assortment (every 5th product a colour × size master, every
 * 4th with related products).
 */
public class VariantSyncTest {

    private static final Set<String> LEGAL_ENTITIES = Set.of("usmf", "demf");
    public static final String PROFILE = """
            stores:
              eu_de: {legalEntity: demf, languageId: de, currency: EUR}
            catalogSync:
              legalEntities: [usmf, demf]
              storeViews: {default: "1", eu_en: "2", eu_de: "2"}
              priceGroups: {"20": Wholesale}
              relations:
                entity: ProductRelations
                types: {Accessories: related, UpSell: upsell, CrossSell: crosssell}
              priceScope: website
              websiteStoreIds: {"1": "1", "2": "2"}
            """;

    private StorageAccount storage;
    private D365Sandbox d365Sandbox;
    private CommerceSandbox commerceSandbox;
    private D365Client d365;
    private CommerceClient commerce;
    private final InMemorySyncQueue queue = new InMemorySyncQueue(() -> this.engine);
    private final MovableClock clock = new MovableClock();
    private SyncEngine engine;
    private MappingProfile profile;

    @BeforeEach
    void start() {
        storage = TestAzurite.storage();
        d365Sandbox = SyncTestClients.d365Sandbox(storage, SeedSizes.DEFAULT_WITH_VARIANTS);
        commerceSandbox = SyncTestClients.commerceSandboxWithGermanStoreView();
        d365 = SyncTestClients.d365(d365Sandbox, storage);
        commerce = SyncTestClients.commerce(commerceSandbox);
        profile = SyncTestClients.profile(PROFILE);
        SyncStateStore state = new SyncStateStore(storage, TestAzurite.uniqueName("SyncState"));
        SyncRunStore runs = new SyncRunStore(storage, TestAzurite.uniqueName("SyncRuns"));
        engine = new SyncEngine(state, runs, queue, List.of(
                new CatalogSyncFlow(() -> d365, () -> commerce, profile, 30, 40, Duration.ofSeconds(30), clock),
                new PriceSyncFlow(() -> d365, () -> commerce, profile, 30, 100, clock)), Duration.ofMinutes(10), clock);
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

    /**
     * A first catalog run, and the second that links products to those of later pages: a link to a product
     * Commerce does not have yet waits for the next run, with that reason, and is the only failure.
     */
    private SyncCounters publish() {
        SyncCounters first = run(CatalogSyncFlow.NAME);
        assertThat(first.reasons().keySet()).as("first run's failures").allMatch(r -> r.startsWith("waiting for linked products"));
        SyncCounters second = run(CatalogSyncFlow.NAME);
        assertThat(second.failed()).as("failures: %s", second.reasons()).isZero();
        return first;
    }

    /** Master item → its variants' dimensions, from D365's rows of the listed legal entities. */
    private Map<String, Set<ProductDimensions>> variants() {
        Map<String, Set<ProductDimensions>> masters = new TreeMap<>();
        d365Sandbox.data().rows("ReleasedProductsV2", r -> LEGAL_ENTITIES.contains(r.get("dataAreaId"))
                && "ProductMaster".equals(String.valueOf(r.get("ProductSubType"))))
                .forEach(r -> masters.put((String) r.get("ItemNumber"), new java.util.LinkedHashSet<>()));
        d365Sandbox.data().rows("ReleasedProductVariantsV2", r -> LEGAL_ENTITIES.contains(r.get("dataAreaId")))
                .forEach(r -> masters.get((String) r.get("ItemNumber")).add(dimensions(r)));
        return masters;
    }

    private static ProductDimensions dimensions(Map<String, Object> row) {
        return new ProductDimensions((String) row.get("ProductColorId"), (String) row.get("ProductSizeId"),
                (String) row.get("ProductStyleId"), (String) row.get("ProductConfigurationId"),
                (String) row.get("ProductVersionId"));
    }

    private static String variantSku(String item, ProductDimensions dimensions) {
        return SkuRule.variantSku(SkuRule.sku(item), dimensions);
    }

    private ObjectNode product(String sku) {
        return commerceSandbox.data().catalog().globalRow(sku).orElseThrow(() -> new AssertionError("no product " + sku));
    }

    private String d365VariantName(String item, ProductDimensions variant) {
        return d365Sandbox.data().rows("ReleasedProductVariantsV2", r -> item.equals(r.get("ItemNumber"))
                && variant.color().equals(r.get("ProductColorId")) && variant.size().equals(r.get("ProductSizeId"))
                && variant.style().equals(r.get("ProductStyleId"))).get(0).get("ProductName").toString();
    }

    private String label(String attribute, String optionId) {
        AttributeCatalog.Attribute found = commerceSandbox.data().attributeCatalog().byCode(attribute).orElseThrow();
        return found.option(Integer.parseInt(optionId)).orElseThrow().label();
    }

    @Test
    void mastersBecomeConfigurableProductsWithEveryVariantLinkedAndANoChangeRunWritesNothing() {
        Map<String, Set<ProductDimensions>> masters = variants();
        assertThat(masters).hasSizeGreaterThan(10);
        assertThat(masters.values()).allMatch(v -> v.size() >= 4);

        publish();

        int color = commerceSandbox.data().attributeCatalog().byCode("color").orElseThrow().id();
        int size = commerceSandbox.data().attributeCatalog().byCode("size").orElseThrow().id();
        for (Map.Entry<String, Set<ProductDimensions>> master : masters.entrySet()) {
            String parentSku = SkuRule.sku(master.getKey());
            ObjectNode parent = product(parentSku);
            assertThat(parent.path("type_id").asText()).as("type of %s", parentSku).isEqualTo("configurable");
            assertThat(commerceSandbox.data().configurableCatalog().options(parentSku).stream()
                    .map(o -> o.attributeId()).collect(Collectors.toSet())).isEqualTo(Set.of(color, size));
            Set<Integer> childIds = new TreeSet<>();
            for (ProductDimensions variant : master.getValue()) {
                ObjectNode child = product(variantSku(master.getKey(), variant));
                childIds.add(child.get("id").asInt());
                assertThat(child.path("type_id").asText()).isEqualTo("simple");
                assertThat(child.path("visibility").asInt()).isEqualTo(1);
                assertThat(label("color", ProductCatalog.customAttribute(child, "color").orElseThrow()))
                        .isEqualTo(variant.color());
                assertThat(label("size", ProductCatalog.customAttribute(child, "size").orElseThrow()))
                        .isEqualTo(variant.size());
                // D365's own variant name ("<master> - <colour>, <size>") is used where the variant has one
                assertThat(child.path("name").asText()).isEqualTo(d365VariantName(master.getKey(), variant));
            }
            assertThat(new TreeSet<>(commerceSandbox.data().configurableCatalog().children(parentSku)))
                    .as("children of %s", parentSku).isEqualTo(childIds);
        }
        // the colours the store lacked were added as options once ("Dark Red" is not a Commerce default)
        assertThat(commerceSandbox.data().attributeCatalog().byCode("color").orElseThrow().options().stream()
                .filter(o -> o.label().equals("Dark Red")).count()).isEqualTo(1);

        commerceSandbox.stats().reset();
        SyncCounters again = run(CatalogSyncFlow.NAME);

        assertThat(again.written() + again.failed() + again.changed() + again.added()).isZero();
        assertThat(commerceSandbox.stats().totalWrites()).as("writes: %s", commerceSandbox.stats().writes()).isZero();
    }

    @Test
    void aVariantAddedInD365IsCreatedAndLinkedAndOneRemovedIsDisabledAndKept() {
        publish();
        Map.Entry<String, Set<ProductDimensions>> master = variants().entrySet().iterator().next();
        String item = master.getKey();
        ProductDimensions gone = master.getValue().iterator().next();
        ProductDimensions added = new ProductDimensions("Sunset Orange", "XXL", "", "", "");
        for (String le : LEGAL_ENTITIES) {
            assertThat(d365Sandbox.data().table("ReleasedProductVariantsV2").delete(List.of(le, item,
                    gone.configuration(), gone.color(), gone.size(), gone.style(), gone.version()))).isTrue();
            Map<String, Object> row = new HashMap<>();
            row.put("dataAreaId", le);
            row.put("ItemNumber", item);
            row.put("ProductColorId", added.color());
            row.put("ProductSizeId", added.size());
            row.put("ProductStyleId", "");
            row.put("ProductConfigurationId", "");
            row.put("ProductVersionId", "");
            row.put("ProductMasterNumber", item);
            row.put("ProductVariantNumber", item + "-900");
            d365Sandbox.data().insert("ReleasedProductVariantsV2", row);
        }

        SyncCounters after = run(CatalogSyncFlow.NAME);

        assertThat(after.failed()).as("failures: %s", after.reasons()).isZero();
        assertThat(after.removed()).isEqualTo(1);
        String parentSku = SkuRule.sku(item);
        ObjectNode created = product(variantSku(item, added));
        assertThat(commerceSandbox.data().configurableCatalog().children(parentSku)).contains(created.get("id").asInt());
        assertThat(product(variantSku(item, gone)).path("status").asInt()).isEqualTo(2);
        // the new size and colour became options, and the configurable product offers them
        int colour = Integer.parseInt(ProductCatalog.customAttribute(created, "color").orElseThrow());
        assertThat(label("color", String.valueOf(colour))).isEqualTo("Sunset Orange");
        // Commerce reads an option's values from the children: the new colour is now one of them
        assertThat(commerceSandbox.data().configurableCatalog().children(parentSku).stream()
                .map(id -> product(commerceSandbox.data().catalog().skuOf(id).orElseThrow()))
                .map(c -> ProductCatalog.customAttribute(c, "color").orElseThrow()).collect(Collectors.toSet()))
                .contains(String.valueOf(colour));
        // the variant inserted without a name of its own is named after its master and its values
        assertThat(created.path("name").asText()).endsWith(" Sunset Orange XXL");
    }

    /** A dimension the profile offers no Commerce attribute for fails its master and variant with that reason. */
    @Test
    void aVariantByADimensionWithoutAnAttributeFailsWithTheReasonAndTheOthersAreWritten() {
        publish();
        String item = variants().keySet().iterator().next();
        for (String le : LEGAL_ENTITIES) {
            Map<String, Object> row = new HashMap<>();
            row.put("dataAreaId", le);
            row.put("ItemNumber", item);
            row.put("ProductColorId", "Black");
            row.put("ProductSizeId", "S");
            row.put("ProductStyleId", "Slim");
            row.put("ProductConfigurationId", "");
            row.put("ProductVersionId", "");
            row.put("ProductMasterNumber", item);
            row.put("ProductVariantNumber", item + "-901");
            d365Sandbox.data().insert("ReleasedProductVariantsV2", row);
        }

        SyncCounters after = run(CatalogSyncFlow.NAME);

        assertThat(after.failed()).as("the master and its new variant: %s", after.reasons()).isEqualTo(2);
        assertThat(after.reasons().keySet()).allMatch(r -> r.contains("style")
                && r.contains("catalogSync.variantAttributes maps no Commerce attribute"));
        assertThat(commerceSandbox.data().catalog().exists(variantSku(item,
                new ProductDimensions("Black", "S", "Slim", "", "")))).isFalse();
        // the master keeps what it had in Commerce: the failed write changed nothing there
        assertThat(commerceSandbox.data().configurableCatalog().children(SkuRule.sku(item))).isNotEmpty();
    }

    @Test
    void relationsBecomeLinksAndOnlyTheLinksTheBridgeOwnsAreReplaced() {
        List<Map<String, Object>> relations = d365Sandbox.data().rows("ProductRelations", r -> true);
        assertThat(relations).isNotEmpty();

        publish();

        Map<String, Set<String>> expected = new TreeMap<>();
        for (Map<String, Object> r : relations) {
            String type = Map.of("Accessories", "related", "UpSell", "upsell", "CrossSell", "crosssell")
                    .get((String) r.get("ProductRelationTypeName"));
            expected.computeIfAbsent(SkuRule.sku((String) r.get("ProductNumber")), k -> new TreeSet<>())
                    .add(type + " " + SkuRule.sku((String) r.get("RelatedProductNumber")));
        }
        assertThat(links()).isEqualTo(expected);

        // a link made by hand in Commerce, and a relation gone from D365
        Map<String, Object> first = relations.get(0);
        String sku = SkuRule.sku((String) first.get("ProductNumber"));
        commerce.products().saveLinks(sku, List.of(new ProductLink(sku, "crosssell", "P000099", null, 9)));
        assertThat(d365Sandbox.data().table("ProductRelations").delete(List.of(first.get("ProductNumber"),
                first.get("RelatedProductNumber"), first.get("ProductRelationTypeName")))).isTrue();

        SyncCounters after = run(CatalogSyncFlow.NAME);

        assertThat(after.written()).as("only the links record of %s", sku).isEqualTo(1);
        Set<String> now = links().get(sku);
        String goneType = Map.of("Accessories", "related", "UpSell", "upsell", "CrossSell", "crosssell")
                .get((String) first.get("ProductRelationTypeName"));
        assertThat(now).doesNotContain(goneType + " " + SkuRule.sku((String) first.get("RelatedProductNumber")))
                .contains("crosssell P000099");
        Set<String> rest = new TreeSet<>(expected.get(sku));
        rest.remove(goneType + " " + SkuRule.sku((String) first.get("RelatedProductNumber")));
        assertThat(now).containsAll(rest);
    }

    private Map<String, Set<String>> links() {
        Map<String, Set<String>> links = new TreeMap<>();
        commerceSandbox.data().productLinkMap().forEach((sku, list) -> list.forEach(l -> links.computeIfAbsent(sku,
                k -> new TreeSet<>()).add(l.path("link_type").asText() + " " + l.path("linked_product_sku").asText())));
        links.values().removeIf(Set::isEmpty);
        return links;
    }

    @Test
    void variantsGetTheirMastersAgreementsAndTheirColoursOwnAndEveryWebsiteItsBasePrice() {
        publish();

        SyncCounters prices = run(PriceSyncFlow.NAME);

        assertThat(prices.failed()).as("failures: %s", prices.reasons()).isZero();
        LocalDate today = LocalDate.now(clock);
        Map<String, Set<ProductDimensions>> masters = variants();
        int colourPrices = 0;
        for (Map.Entry<String, Set<ProductDimensions>> master : masters.entrySet()) {
            assertThat(tierRows(SkuRule.sku(master.getKey()))).as("a configurable product has no tier prices").isEmpty();
            for (ProductDimensions variant : master.getValue()) {
                Set<String> expected = new TreeSet<>();
                for (Map<String, Object> a : d365Sandbox.data().rows("SalesPriceAgreements", r -> LEGAL_ENTITIES
                        .contains(r.get("dataAreaId")) && master.getKey().equals(r.get("ItemNumber")))) {
                    String colour = (String) a.get("ProductColorId");
                    LocalDate from = (LocalDate) a.get("PriceApplicableFromDate");
                    LocalDate to = (LocalDate) a.get("PriceApplicableToDate");
                    boolean valid = (from == null || !today.isBefore(from)) && (to == null || !today.isAfter(to));
                    String code = (String) a.get("PriceCustomerGroupCode");
                    if (!valid || !code.isEmpty() && !code.equals("20") || colour != null && !colour.isEmpty()
                            && !colour.equals(variant.color())) {
                        continue;
                    }
                    colourPrices += colour != null && !colour.isEmpty() ? 1 : 0;
                    expected.add((a.get("dataAreaId").equals("usmf") ? 1 : 2) + "|" + (code.isEmpty() ? "ALL GROUPS"
                            : "Wholesale") + "|" + ((BigDecimal) a.get("FromQuantity")).max(BigDecimal.ONE)
                            .stripTrailingZeros().toPlainString());
                }
                Set<String> got = tierRows(variantSku(master.getKey(), variant)).stream()
                        .map(r -> r.substring(0, r.lastIndexOf('|'))).collect(Collectors.toCollection(TreeSet::new));
                assertThat(got).as("tier rows of %s", variantSku(master.getKey(), variant)).isEqualTo(expected);
            }
        }
        assertThat(colourPrices).as("some masters have a price for one colour").isPositive();
        // base prices: each website gets its legal entity's price of the item (per unit)
        String item = masters.keySet().iterator().next();
        String child = variantSku(item, masters.get(item).iterator().next());
        for (String le : List.of("usmf", "demf")) {
            Map<String, Object> released = d365Sandbox.data().find("ReleasedProductsV2", le, item).orElseThrow();
            BigDecimal unit = ((BigDecimal) released.get("SalesPrice")).divide((BigDecimal) released
                    .get("SalesPriceQuantity"), 2, RoundingMode.HALF_UP);
            assertThat(commerceSandbox.data().basePrice(child, le.equals("usmf") ? 1 : 2)).as("base price in %s", le)
                    .hasValueSatisfying(p -> assertThat(BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP))
                            .isEqualByComparingTo(unit));
        }
    }

    private Set<String> tierRows(String sku) {
        Set<String> rows = new TreeSet<>();
        for (JsonNode row : commerceSandbox.data().tierPriceRows()) {
            if (row.get("sku").asText().equals(sku)) {
                rows.add(row.get("website_id").asInt() + "|" + row.get("customer_group").asText() + "|"
                        + row.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + "|"
                        + row.get("price").decimalValue().stripTrailingZeros().toPlainString());
            }
        }
        return rows;
    }

    /**
     * A price valid from tomorrow is not in Commerce today, and the first run of tomorrow writes it, with no
     * other change in D365: the record's content depends on the date, so the hourly run picks the boundary up.
     */
    @Test
    void aPriceValidFromTomorrowIsWrittenByTheFirstRunOfTomorrow() {
        publish();
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("dataAreaId", "usmf");
        agreement.put("RecordId", 990_000_001L);
        agreement.put("ItemNumber", "P000001");
        agreement.put("Price", new BigDecimal("1.11"));
        agreement.put("PriceCurrencyCode", "USD");
        agreement.put("PriceCustomerGroupCode", "");
        agreement.put("CustomerAccountNumber", "");
        agreement.put("PriceApplicableFromDate", tomorrow);
        agreement.put("FromQuantity", new BigDecimal("500"));
        agreement.put("SalesPriceQuantity", BigDecimal.ONE);
        agreement.put("QuantityUnitySymbol", "ea");
        d365Sandbox.data().insert("SalesPriceAgreements", agreement);

        run(PriceSyncFlow.NAME);
        assertThat(tierRows("P000001")).noneMatch(r -> r.equals("1|ALL GROUPS|500|1.11"));

        clock.move(Duration.ofDays(1));
        run(PriceSyncFlow.NAME);
        assertThat(tierRows("P000001")).contains("1|ALL GROUPS|500|1.11");
    }

    /** The system clock, moved forward by a test. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void move(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
