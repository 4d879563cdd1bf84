package io.github.d365bridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SkuRuleTest {

    /** Characters real item numbers use, plus the ones the rule must escape. */
    private static final String ALPHABET = "ABCXYZ0189-_./ %~\t\n\r\u000B\0äé";

    @Test
    void edgeWhitespaceAndPercentAreEscapedAndNothingElse() {
        assertThat(SkuRule.sku(" RFI-TEST-001")).isEqualTo("%20RFI-TEST-001");
        assertThat(SkuRule.sku("RFI-TEST-001  ")).isEqualTo("RFI-TEST-001%20%20");
        assertThat(SkuRule.sku("\tA B\n")).isEqualTo("%09A B%0A");
        assertThat(SkuRule.sku("50%")).isEqualTo("50%25");
        assertThat(SkuRule.sku("A B")).isEqualTo("A B");
        assertThat(SkuRule.sku("   ")).isEqualTo("%20%20%20");
        assertThat(SkuRule.sku("")).isEmpty();
        assertThat(SkuRule.itemNumber("%20RFI-TEST-001")).isEqualTo(" RFI-TEST-001");
    }

    @Test
    void everySkuItMakesSurvivesCommerceTrimmingAndComesBackAsTheSameItemNumber() {
        Random random = new Random(12);
        Set<String> skus = new HashSet<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder item = new StringBuilder();
            int length = 1 + random.nextInt(20);
            for (int i = 0; i < length; i++) {
                item.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String itemNumber = item.toString();
            String sku = SkuRule.sku(itemNumber);

            assertThat(sku).as("what Commerce keeps of %s", sku).isEqualTo(phpTrim(sku));
            assertThat(SkuRule.itemNumber(sku)).as("item number of %s", sku).isEqualTo(itemNumber);
            skus.add(itemNumber + "\u0001" + sku);
        }
        // distinct item numbers never share a SKU (the rule is injective)
        assertThat(skus.stream().map(s -> s.substring(s.indexOf('\u0001') + 1)).distinct().count())
                .isEqualTo(skus.stream().map(s -> s.substring(0, s.indexOf('\u0001'))).distinct().count());
    }

    @Test
    void aVariantSkuIsItsMastersSkuAndItsDimensionValuesInAFixedOrder() {
        assertThat(SkuRule.variantSku("T-SHIRT", new ProductDimensions("Blue", "M", "", "", ""))).isEqualTo("T-SHIRT~Blue~M");
        assertThat(SkuRule.variantSku("PC-01", new ProductDimensions("", "", "", "Fast", ""))).isEqualTo("PC-01~~~~Fast");
        assertThat(SkuRule.variantSku("%20A", new ProductDimensions("Dark Red", "", "", "", ""))).isEqualTo("%20A~Dark Red");
        // a separator or a percent in a value travels encoded; so does an edge space, which Commerce would trim
        assertThat(SkuRule.variantSku("A", new ProductDimensions("x~y", "50%", "", "", "v1 "))).isEqualTo("A~x%7Ey~50%25~~~v1%20");
        assertThat(SkuRule.splitVariant("A~x%7Ey~50%25~~~v1%20")).contains(new SkuRule.VariantParts("A",
                new ProductDimensions("x~y", "50%", "", "", "v1 ")));
        assertThat(SkuRule.splitVariant("T-SHIRT")).isEmpty();
        assertThat(SkuRule.sku("A~B")).isEqualTo("A%7EB");
        assertThat(SkuRule.splitVariant(SkuRule.sku("A~B"))).isEmpty();
    }

    @Test
    void everyVariantSkuComesBackAsTheSameMasterAndDimensions() {
        Random random = new Random(13);
        for (int n = 0; n < 5_000; n++) {
            String item = randomText(random, 1 + random.nextInt(12));
            ProductDimensions dimensions = new ProductDimensions(randomText(random, random.nextInt(4)),
                    randomText(random, random.nextInt(4)), randomText(random, random.nextInt(3)),
                    randomText(random, random.nextInt(3)), randomText(random, random.nextInt(2)));
            String sku = SkuRule.variantSku(SkuRule.sku(item), dimensions);
            assertThat(sku).as("what Commerce keeps of %s", sku).isEqualTo(phpTrim(sku));
            SkuRule.VariantParts parts = SkuRule.splitVariant(sku).orElseThrow();
            assertThat(SkuRule.itemNumber(parts.masterSku())).isEqualTo(item);
            assertThat(parts.dimensions()).isEqualTo(dimensions);
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @Test
    void skusMadeByHandInCommerceReadAsTheyAre() {
        assertThat(SkuRule.itemNumber("50%OFF")).isEqualTo("50%OFF");
        assertThat(SkuRule.itemNumber("A%4")).isEqualTo("A%4");
        assertThat(SkuRule.itemNumber("A%41")).isEqualTo("A%41");
        assertThat(SkuRule.itemNumber("plain")).isEqualTo("plain");
    }

    private static String phpTrim(String value) {
        String chars = " \t\n\r\0\u000B";
        int start = 0;
        int end = value.length();
        while (start < end && chars.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }
}
