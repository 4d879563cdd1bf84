package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PhraseRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void fillsNamedPlaceholders() throws Exception {
        assertThat(render("The consumer isn't authorized to access %resources.",
                "{\"resources\":\"Magento_Catalog::products\"}"))
                .isEqualTo("The consumer isn't authorized to access Magento_Catalog::products.");
    }

    @Test
    void fillsPositionalPlaceholdersFromAList() throws Exception {
        assertThat(render("Invalid value of \"%1\" provided for the %2 field.", "[\"abc\",\"qty\"]"))
                .isEqualTo("Invalid value of \"abc\" provided for the qty field.");
    }

    @Test
    void mixedKeysFollowMagentoPlaceholderRenderer() throws Exception {
        // The example of Magento's Phrase Placeholder renderer: integer keys n map to %(n+1).
        assertThat(render("text %1 %two %2 %3 %five %4 %5",
                "{\"0\":\"one\",\"two\":\"two\",\"1\":\"three\",\"2\":\"four\",\"five\":\"five\",\"3\":\"six\",\"4\":\"seven\"}"))
                .isEqualTo("text one two three four five six seven");
    }

    @Test
    void longestPlaceholderWinsAndReplacementsAreNotRescanned() throws Exception {
        assertThat(render("%field_name / %field", "{\"field\":\"F\",\"field_name\":\"%field\"}")).isEqualTo("%field / F");
        assertThat(render("%1%10", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]")).isEqualTo("aj");
    }

    @Test
    void leavesUnknownPlaceholdersAndRendersNonStrings() throws Exception {
        assertThat(render("%a %b %c %d", "{\"a\":3,\"b\":[\"x\",\"y\"],\"c\":null}")).isEqualTo("3 x, y  %d");
        assertThat(PhraseRenderer.render("100% done", null)).isEqualTo("100% done");
    }

    private static String render(String phrase, String parametersJson) throws Exception {
        JsonNode parameters = MAPPER.readTree(parametersJson);
        return PhraseRenderer.render(phrase, parameters);
    }
}
