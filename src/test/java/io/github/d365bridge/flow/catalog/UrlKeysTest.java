package io.github.d365bridge.flow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlKeysTest {

    @Test
    void aKeyIsTheNameAndTheItemAsCommerceFormatsThem() {
        assertThat(UrlKeys.of("RFI test item", " RFI-TEST-001")).isEqualTo("rfi-test-item-rfi-test-001");
        assertThat(UrlKeys.of("Kabelloser Kopfhörer – Größe M", "P000001")).isEqualTo("kabelloser-kopfhorer-gro-e-m-p000001");
        assertThat(UrlKeys.of("Widget P1", "P1")).as("no item twice").isEqualTo("widget-p1");
        assertThat(UrlKeys.of("耳机", "P000002")).as("a name with no Latin letters").isEqualTo("p000002");
        assertThat(UrlKeys.of("", "%%%")).startsWith("item-");
    }

    @Test
    void productsOfOneNameGetDistinctKeysAndTheFallbackSetsApartItemsThatFormatAlike() {
        assertThat(UrlKeys.of("Desk Lamp", "P000001")).isNotEqualTo(UrlKeys.of("Desk Lamp", "P000002"));
        assertThat(UrlKeys.of("Desk Lamp", "A-1")).isEqualTo(UrlKeys.of("Desk Lamp", "a 1"));
        assertThat(UrlKeys.fallback("Desk Lamp", "A-1")).isNotEqualTo(UrlKeys.fallback("Desk Lamp", "a 1"))
                .startsWith(UrlKeys.of("Desk Lamp", "A-1") + "-");
        assertThat(UrlKeys.taken("URL key for specified store already exists.")).isTrue();
        assertThat(UrlKeys.taken("The price attribute value is empty")).isFalse();
    }
}
