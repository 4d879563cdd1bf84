package io.github.d365bridge.client.commerce.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.FakeCommerce;
import io.github.d365bridge.client.commerce.FakeCommerce.Reply;
import io.github.d365bridge.client.commerce.TestClients;

/** Bulk price calls answer 200 while rejecting rows: the failures must come back tied to request rows. */
class PriceClientTest {

    private static final String TIER_INVALID = "Invalid attribute %fieldName = %fieldValue. Row ID: SKU = %SKU,"
            + " Website ID: %websiteId, Customer Group: %customerGroup, Quantity: %qty.";
    private static final String TIER_MISSING = "The SKU or customer group is incorrect. Row ID: SKU = %SKU, Website ID:"
            + " %websiteId, Customer Group: %customerGroup, Quantity: %qty.";

    private FakeCommerce fake;
    private PriceClient prices;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeCommerce();
        prices = TestClients.oauth(fake).prices();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void rowFailuresWithListParametersAreFilledInAndMappedToTheirRows() {
        List<TierPrice> rows = List.of(
                tier("S1", 0, "General", "3", "10"),
                tier("S1", 0, "General", "10", "-5"),
                tier("S2", 1, "Wholesale", "1", "7"),
                tier("S1", 0, "Retailer", "3", "9"));
        fake.answer(r -> Reply.ok("[{\"message\":\"" + TIER_INVALID + "\",\"parameters\":[\"Price\",\"-5\",\"S1\",\"0\","
                + "\"General\",\"10\"]},{\"message\":\"" + TIER_MISSING + "\",\"parameters\":[\"S2\",\"1\",\"wholesale\","
                + "\"1.0000\"]}]"));

        PriceUpdateResult<TierPrice> result = prices.upsertTierPrices(rows);

        assertThat(result.allSaved()).isFalse();
        assertThat(result.failedRows()).containsExactly(1, 2);
        assertThat(result.failuresOf(1)).containsExactly("Invalid attribute Price = -5. Row ID: SKU = S1, Website ID: 0,"
                + " Customer Group: General, Quantity: 10.");
        assertThat(result.failuresOf(2)).singleElement().asString().startsWith("The SKU or customer group is incorrect")
                .contains("SKU = S2");
        assertThat(result.saved()).containsExactly(rows.get(0), rows.get(3));
        FakeCommerce.Recorded sent = fake.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/rest/all/V1/products/tier-prices");
        assertThat(sent.json().get("prices").get(1).toString()).isEqualTo("{\"price\":-5,\"price_type\":\"fixed\","
                + "\"website_id\":0,\"sku\":\"S1\",\"customer_group\":\"General\",\"quantity\":10}");
    }

    @Test
    void rowFailuresWithNamedParametersAndUnmatchedOnesAreReported() {
        List<BasePrice> rows = List.of(new BasePrice(new BigDecimal("12"), 0, "S1"),
                new BasePrice(new BigDecimal("13"), 1, "S1"));
        fake.answer(r -> Reply.ok("[{\"message\":\"Requested product doesn't exist. Row ID: SKU = %SKU, Store ID:"
                + " %storeId.\",\"parameters\":{\"SKU\":\"S1\",\"storeId\":\"1\"}},{\"message\":\"Something went wrong\","
                + "\"parameters\":[]}]"));

        PriceUpdateResult<BasePrice> result = prices.updateBasePrices(rows);

        assertThat(result.failuresOf(1)).containsExactly("Requested product doesn't exist. Row ID: SKU = S1, Store ID: 1.");
        assertThat(result.failuresOf(0)).isEmpty();
        assertThat(result.unmatched()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("Something went wrong"));
        assertThat(result.saved()).as("no row is confirmed while a failure names none").isEmpty();
        assertThat(fake.requests().get(0).path()).isEqualTo("/rest/all/V1/products/base-prices");
    }

    @Test
    void emptyAnswerMeansEveryRowSavedAndTheVerbsMatchTheApi() {
        fake.answer(r -> Reply.ok("[]"));
        List<TierPrice> rows = List.of(tier("S1", 0, TierPrice.ALL_GROUPS, "1", "5"));
        assertThat(prices.replaceTierPrices(rows).saved()).isEqualTo(rows);
        assertThat(prices.deleteTierPrices(rows).allSaved()).isTrue();
        assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "PUT /rest/all/V1/products/tier-prices", "POST /rest/all/V1/products/tier-prices-delete");
    }

    @Test
    void anAnswerThatIsNoFailureListIsAnError() {
        fake.answer(r -> Reply.ok("true"));
        assertThatThrownBy(() -> prices.upsertTierPrices(List.of(tier("S1", 0, "General", "1", "5"))))
                .hasMessageContaining("tier-prices.upsert (store all, record S1)")
                .hasMessageContaining("expected a list of row failures");
    }

    private static TierPrice tier(String sku, int website, String group, String qty, String price) {
        return new TierPrice(new BigDecimal(price), TierPrice.FIXED, website, sku, group, new BigDecimal(qty));
    }
}
