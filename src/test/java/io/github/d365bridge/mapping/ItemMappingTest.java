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
}
