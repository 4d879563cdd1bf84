package io.github.d365bridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ItemMappingTest {

    private static final List<ItemMapping.PrefixRule> RULES = List.of(
            new ItemMapping.PrefixRule("EU-", ""), new ItemMapping.PrefixRule("EU-X-", "XL"),
            new ItemMapping.PrefixRule("SB-", "D365-"));

    @Test
    void identityModeUsesTableThenFirstMatchingPrefixRuleThenTheSku() {
        ItemMapping items = new ItemMapping(ItemMapping.Mode.IDENTITY, Map.of("SB-CONF-0002-M", "HOODIE-M"), RULES, "ea");

        assertThat(items.itemNumber("SB-CONF-0002-M")).contains("HOODIE-M");
        assertThat(items.itemNumber("EU-1000")).contains("1000");
        assertThat(items.itemNumber("EU-X-1")).contains("X-1"); // first rule wins, not the longest
        assertThat(items.itemNumber("SB-SIMPLE-0003")).contains("D365-SIMPLE-0003");
        assertThat(items.itemNumber("plain")).contains("plain");
        assertThat(items.itemNumber(" lead")).contains(" lead");
        assertThat(items.itemNumber(null)).isEmpty();
    }

    @Test
    void tableModeMapsOnlyListedSkusAndKeepsLeadingSpaces() {
        ItemMapping items = new ItemMapping(ItemMapping.Mode.TABLE, Map.of("RFI", " RFI-TEST-001"), List.of(), "ea");

        assertThat(items.itemNumber("RFI")).contains(" RFI-TEST-001");
        assertThat(items.itemNumber("OTHER")).isEmpty();
    }

    @Test
    void identityModeReadsEscapedEdgeSpacesAfterThePrefix() {
        ItemMapping items = new ItemMapping(ItemMapping.Mode.IDENTITY, Map.of(), RULES, "ea");

        assertThat(items.itemNumber("%20RFI-TEST-001")).contains(" RFI-TEST-001");
        assertThat(items.itemNumber("SB-%20X")).contains("D365- X");
        assertThat(items.itemNumber("50%25")).contains("50%");
    }

    @Test
    void aVariantSkuReadsAsItsMastersItemThroughTheSameRulesAndAListedSkuWins() {
        ItemMapping items = new ItemMapping(ItemMapping.Mode.IDENTITY, Map.of("HOODIE~Red", "HOODIE-RED"), RULES, "ea");
        ProductDimensions blueM = new ProductDimensions("Blue", "M", "", "", "");

        assertThat(items.item("EU-HOODIE~Blue~M")).contains(new ItemMapping.ItemRef("HOODIE", blueM));
        assertThat(items.item("HOODIE~Red")).contains(new ItemMapping.ItemRef("HOODIE-RED", ProductDimensions.NONE));
        assertThat(items.item("PLAIN")).contains(new ItemMapping.ItemRef("PLAIN", ProductDimensions.NONE));
        assertThat(items.skuNames().variantSku("HOODIE", blueM)).contains("EU-HOODIE~Blue~M");

        ItemMapping table = new ItemMapping(ItemMapping.Mode.TABLE, Map.of("TS", "T-SHIRT"), List.of(), "ea");
        assertThat(table.item("TS~Blue~M")).contains(new ItemMapping.ItemRef("T-SHIRT", blueM));
        assertThat(table.item("XX~Blue")).isEmpty();
        assertThat(table.whyNoItem("XX~Blue")).contains("variant SKU whose master 'XX'");
    }

    @Test
    void theCatalogSkuOfAnItemMapsBackToTheSameItem() {
        ItemMapping items = new ItemMapping(ItemMapping.Mode.IDENTITY, Map.of("SB-CONF-0002-M", "HOODIE-M"), RULES, "ea");
        ItemMapping.SkuNames names = items.skuNames();

        assertThat(names.sku("HOODIE-M")).contains("SB-CONF-0002-M");
        assertThat(names.sku("D365-SIMPLE-0003")).contains("EU-D365-SIMPLE-0003"); // first rule whose item prefix fits
        assertThat(names.sku(" RFI-TEST-001")).contains("EU-%20RFI-TEST-001");
        for (String item : new String[] {" RFI-TEST-001", "1000", "XL-1", "D365-A", "50%", "A B "}) {
            String sku = names.sku(item).orElseThrow();
            assertThat(items.itemNumber(sku)).as(sku).contains(item);
        }
        ItemMapping plain = new ItemMapping(ItemMapping.Mode.IDENTITY, Map.of(), List.of(), "ea");
        assertThat(plain.skuNames().sku(" RFI-TEST-001")).contains("%20RFI-TEST-001");
    }

    @Test
    void tableModeNamesTheOneListedSkuAndExplainsWhenThereIsNone() {
        ItemMapping items = new ItemMapping(ItemMapping.Mode.TABLE,
                Map.of("RFI", " RFI-TEST-001", "A-EU", "A", "A-US", "A"), List.of(), "ea");
        ItemMapping.SkuNames names = items.skuNames();

        assertThat(names.sku(" RFI-TEST-001")).contains("RFI");
        assertThat(names.sku("A")).isEmpty();
        assertThat(names.whyNoSku("A")).contains("several SKUs [A-EU, A-US]");
        assertThat(names.sku("B")).isEmpty();
        assertThat(names.whyNoSku("B")).contains("lists no SKU for item 'B'");
    }
}
