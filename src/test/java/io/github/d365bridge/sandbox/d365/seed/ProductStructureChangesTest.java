package io.github.d365bridge.sandbox.d365.seed;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.sandbox.d365.SeedSizes;

/** Variants and product relations added and removed through {@code /_sandbox/variants|relations/add|remove}. */
class ProductStructureChangesTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options().seedSizes(SeedSizes.DEFAULT_WITH_VARIANTS).build());
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void reset() {
        assertThat(http.control("POST", "/_sandbox/reset", null).statusCode()).isEqualTo(204);
    }

    private static JsonNode rows(String pathAndQuery) {
        HttpResponse<String> response = http.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).get("value");
    }

    private static JsonNode control(String path, String body, int status) {
        HttpResponse<String> response = http.control("POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response.body());
    }

    private static JsonNode variantsOf(String item, String colour) {
        return rows("/data/ReleasedProductVariantsV2?cross-company=true&$filter=ItemNumber eq '" + item
                + "' and ProductColorId eq '" + colour + "'&$orderby=dataAreaId");
    }

    @Test
    void addAVariantEverywhereThenRemoveItFromOneCompany() {
        int before = rows("/data/ReleasedProductVariantsV2?$filter=ItemNumber eq 'P000002'").size();
        JsonNode added = control("/_sandbox/variants/add", "{\"ItemNumber\":\"P000002\",\"ProductColorId\":\"Sand Beige\","
                + "\"ProductSizeId\":\"XXL\"}", 200);
        assertThat(added.get("count").asInt()).isEqualTo(3);
        JsonNode row = added.get("variants").get(0);
        assertThat(row.get("ProductVariantNumber").asText()).isEqualTo("P000002-" + (before + 1));
        assertThat(row.get("ProductMasterNumber").asText()).isEqualTo("P000002");
        assertThat(row.get("ProductStyleId").asText()).isEmpty();

        JsonNode served = variantsOf("P000002", "Sand Beige");
        List<String> companies = new ArrayList<>();
        served.forEach(v -> {
            companies.add(v.get("dataAreaId").asText());
            assertThat(v.get("ProductSizeId").asText()).isEqualTo("XXL");
            assertThat(v.get("ProductVariantNumber").asText()).as("one shared variant").isEqualTo("P000002-" + (before + 1));
            assertThat(v.get("ProductName").asText()).endsWith(" - Sand Beige, XXL");
        });
        assertThat(companies).containsExactly("demf", "gbsi", "usmf");
        HttpResponse<String> byKey = http.get("/data/ReleasedProductVariantsV2(dataAreaId='gbsi',ItemNumber='P000002',"
                + "ProductConfigurationId='',ProductColorId='Sand Beige',ProductSizeId='XXL',ProductStyleId='',"
                + "ProductVersionId='')?cross-company=true");
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(200);

        control("/_sandbox/variants/add", "{\"ItemNumber\":\"P000002\",\"ProductColorId\":\"Sand Beige\","
                + "\"ProductSizeId\":\"XXL\"}", 409);
        JsonNode removed = control("/_sandbox/variants/remove", "{\"dataAreaId\":\"demf\",\"ItemNumber\":\"P000002\","
                + "\"ProductColorId\":\"Sand Beige\",\"ProductSizeId\":\"XXL\"}", 200);
        assertThat(removed.get("count").asInt()).isEqualTo(1);
        assertThat(removed.get("variants").get(0).get("dataAreaId").asText()).isEqualTo("demf");
        assertThat(variantsOf("P000002", "Sand Beige")).hasSize(2);

        JsonNode again = control("/_sandbox/variants/add", "{\"dataAreaId\":\"demf\",\"ItemNumber\":\"P000002\","
                + "\"ProductColorId\":\"Sand Beige\",\"ProductSizeId\":\"XXL\"}", 200);
        assertThat(again.get("variants").get(0).get("ProductVariantNumber").asText())
                .as("released again, the shared variant keeps its number").isEqualTo("P000002-" + (before + 1));
    }

    @Test
    void removeASeededVariantEverywhere() {
        JsonNode seeded = rows("/data/ReleasedProductVariantsV2?$filter=ItemNumber eq 'P000007'").get(0);
        String colour = seeded.get("ProductColorId").asText();
        String size = seeded.get("ProductSizeId").asText();
        String body = "{\"ItemNumber\":\"P000007\",\"ProductColorId\":\"" + colour + "\",\"ProductSizeId\":\"" + size + "\"}";
        assertThat(control("/_sandbox/variants/remove", body, 200).get("count").asInt()).isEqualTo(3);
        assertThat(rows("/data/ReleasedProductVariantsV2?cross-company=true&$filter=ItemNumber eq 'P000007' and "
                + "ProductColorId eq '" + colour + "' and ProductSizeId eq '" + size + "'")).isEmpty();
        control("/_sandbox/variants/remove", body, 404);
        JsonNode back = control("/_sandbox/variants/add", body, 200);
        assertThat(back.get("variants").get(0).get("ProductVariantNumber").asText())
                .isEqualTo(seeded.get("ProductVariantNumber").asText());
    }

    @Test
    void variantsBelongToReleasedMastersWithTheirDimensions() {
        assertThat(control("/_sandbox/variants/add", "{\"ItemNumber\":\"P000003\",\"ProductColorId\":\"Black\","
                + "\"ProductSizeId\":\"M\"}", 400).get("error").asText()).contains("no product master");
        assertThat(control("/_sandbox/variants/add", "{\"ItemNumber\":\"P000002\",\"ProductColorId\":\"Black\"}", 400)
                .get("error").asText()).contains("ProductSizeId");
        control("/_sandbox/variants/add", "{\"ItemNumber\":\"P999999\",\"ProductColorId\":\"Black\",\"ProductSizeId\":\"M\"}",
                404);
        control("/_sandbox/variants/add", "{\"ProductColorId\":\"Black\",\"ProductSizeId\":\"M\"}", 400);
        control("/_sandbox/variants/add", "{\"dataAreaId\":\"zzzz\",\"ItemNumber\":\"P000002\",\"ProductColorId\":\"Black\","
                + "\"ProductSizeId\":\"M\"}", 400);
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl()
                + "/_sandbox/variants/add")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
                .as("control key required").isEqualTo(401);
    }

    @Test
    void addAndRemoveARelation() {
        String body = "{\"ProductNumber\":\"P000003\",\"RelatedProductNumber\":\"P000002\","
                + "\"ProductRelationTypeName\":\"Accessories\"}";
        assertThat(rows("/data/ProductRelations?$filter=ProductNumber eq 'P000003'")).isEmpty();
        JsonNode added = control("/_sandbox/relations/add", body, 200);
        assertThat(added.get("count").asInt()).isEqualTo(1);
        assertThat(added.get("relations").get(0).get("RelatedProductNumber").asText()).isEqualTo("P000002");
        JsonNode served = rows("/data/ProductRelations?$filter=ProductNumber eq 'P000003'");
        assertThat(served).hasSize(1);
        assertThat(served.get(0).get("ProductRelationTypeName").asText()).isEqualTo("Accessories");
        control("/_sandbox/relations/add", body, 409);
        control("/_sandbox/relations/add", body.replace("P000002", "P999999"), 404);
        control("/_sandbox/relations/add", body.replace("P000002", "P000003"), 400);
        control("/_sandbox/relations/add", body.replace("Accessories", ""), 400);

        control("/_sandbox/relations/remove", body, 200);
        assertThat(rows("/data/ProductRelations?$filter=ProductNumber eq 'P000003'")).isEmpty();
        control("/_sandbox/relations/remove", body, 404);

        JsonNode seeded = rows("/data/ProductRelations?$filter=ProductNumber eq 'P000004'").get(0);
        String seededBody = "{\"ProductNumber\":\"P000004\",\"RelatedProductNumber\":\""
                + seeded.get("RelatedProductNumber").asText() + "\",\"ProductRelationTypeName\":\""
                + seeded.get("ProductRelationTypeName").asText() + "\"}";
        int count = rows("/data/ProductRelations?$filter=ProductNumber eq 'P000004'").size();
        control("/_sandbox/relations/remove", seededBody, 200);
        assertThat(rows("/data/ProductRelations?$filter=ProductNumber eq 'P000004'")).hasSize(count - 1);
    }

    @Test
    void resetForgetsTheChanges() {
        control("/_sandbox/variants/add", "{\"ItemNumber\":\"P000012\",\"ProductColorId\":\"Ochre\",\"ProductSizeId\":\"S\"}",
                200);
        control("/_sandbox/relations/add", "{\"ProductNumber\":\"P000005\",\"RelatedProductNumber\":\"P000006\","
                + "\"ProductRelationTypeName\":\"UpSell\"}", 200);
        assertThat(http.control("POST", "/_sandbox/reset", null).statusCode()).isEqualTo(204);
        assertThat(variantsOf("P000012", "Ochre")).isEmpty();
        assertThat(rows("/data/ProductRelations?$filter=ProductNumber eq 'P000005'")).isEmpty();
    }
}
