package io.github.d365bridge.sandbox.d365.seed;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.SandboxHttp;
import io.github.d365bridge.sandbox.d365.SeedSizes;

/**
 * Product masters, their released variants, colour trade agreements and product relations, read over HTTP as
 * the bridge reads them (cross-company, by filter); and none of them in the default seed.
 */
class ProductVariantsTest {

    private static final String ENUM = "Microsoft.Dynamics.DataEntities.EcoResProductSubtype";
    private static final List<String> VARIANT_FIELDS = List.of("@odata.etag", "dataAreaId", "ItemNumber",
            "ProductConfigurationId", "ProductColorId", "ProductSizeId", "ProductStyleId", "ProductVersionId",
            "ProductMasterNumber", "ProductVariantNumber", "ProductName", "ProductSearchName", "ProductDescription");

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

    private static JsonNode rows(SandboxHttp client, String pathAndQuery) {
        HttpResponse<String> response = client.get(pathAndQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).get("value");
    }

    private static List<String> texts(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(field).asText()));
        return values;
    }

    @Test
    void everyFifthProductIsAColourSizeMaster() {
        JsonNode masters = rows(http, "/data/ReleasedProductsV2?cross-company=true&$filter=dataAreaId eq 'demf' and "
                + "ProductSubType eq " + ENUM + "'ProductMaster'&$select=ItemNumber,ProductSubType,ProductDimensionGroupName,ProductType");
        assertThat(masters).hasSize(20);
        assertThat(texts(masters, "ItemNumber")).startsWith("P000002", "P000007", "P000012").endsWith("P000097");
        masters.forEach(m -> {
            assertThat(m.get("ProductDimensionGroupName").asText()).isEqualTo("ColorSize");
            assertThat(m.get("ProductType").asText()).isEqualTo("Item");
        });
        JsonNode distinct = rows(http, "/data/ReleasedProductsV2?$filter=ProductSubType eq " + ENUM + "'Product'");
        assertThat(distinct).hasSize(80);
        distinct.forEach(p -> assertThat(p.get("ProductDimensionGroupName").asText()).isEmpty());
        assertThat(rows(http, "/data/ReleasedProductsV2?$filter=ProductSubType eq " + ENUM + "'ProductVariant'")).isEmpty();

        JsonNode shared = rows(http, "/data/ProductsV2?$filter=ProductSubType eq " + ENUM + "'ProductMaster'");
        assertThat(texts(shared, "ProductNumber")).isEqualTo(texts(masters, "ItemNumber"));
        shared.forEach(p -> assertThat(p.get("ProductDimensionGroupName").asText()).isEqualTo("ColorSize"));
        assertThat(rows(http, "/data/ProductsV2?$filter=ProductDimensionGroupName eq ''")).hasSize(80);
    }

    @Test
    void variantsOfSomeMastersByFilterCrossCompany() {
        JsonNode variants = rows(http, "/data/ReleasedProductVariantsV2?cross-company=true&$filter=dataAreaId eq 'demf'"
                + " and (ItemNumber eq 'P000002' or ItemNumber eq 'P000007' or ItemNumber eq 'P000003')");
        Map<String, List<JsonNode>> byItem = new HashMap<>();
        variants.forEach(v -> byItem.computeIfAbsent(v.get("ItemNumber").asText(), k -> new ArrayList<>()).add(v));
        assertThat(byItem.keySet()).as("P000003 is a distinct product").containsExactlyInAnyOrder("P000002", "P000007");
        String masterName = rows(http, "/data/ProductsV2?$filter=ProductNumber eq 'P000002'").get(0)
                .get("ProductName").asText();
        for (List<JsonNode> ofMaster : byItem.values()) {
            assertThat(ofMaster).hasSizeBetween(4, 9);
            Set<String> numbers = new HashSet<>();
            Set<String> combinations = new HashSet<>();
            for (JsonNode v : ofMaster) {
                List<String> names = new ArrayList<>();
                v.fieldNames().forEachRemaining(names::add);
                assertThat(names).containsExactlyElementsOf(VARIANT_FIELDS);
                String item = v.get("ItemNumber").asText();
                assertThat(v.get("dataAreaId").asText()).isEqualTo("demf");
                assertThat(v.get("ProductMasterNumber").asText()).isEqualTo(item);
                assertThat(v.get("ProductColorId").asText()).isIn(ProductMasters.COLOURS);
                assertThat(v.get("ProductSizeId").asText()).isIn("S", "M", "L", "XL");
                assertThat(v.get("ProductConfigurationId").asText()).isEmpty();
                assertThat(v.get("ProductStyleId").asText()).isEmpty();
                assertThat(v.get("ProductVersionId").asText()).isEmpty();
                assertThat(v.get("ProductVariantNumber").asText()).matches(item + "-[1-9]");
                assertThat(v.get("ProductName").asText()).contains(v.get("ProductColorId").asText() + ", "
                        + v.get("ProductSizeId").asText());
                numbers.add(v.get("ProductVariantNumber").asText());
                combinations.add(v.get("ProductColorId").asText() + "/" + v.get("ProductSizeId").asText());
            }
            assertThat(numbers).hasSameSizeAs(ofMaster);
            assertThat(combinations).hasSameSizeAs(ofMaster);
        }
        assertThat(byItem.get("P000002").get(0).get("ProductName").asText()).startsWith(masterName + " - ");

        JsonNode everywhere = rows(http, "/data/ReleasedProductVariantsV2?cross-company=true&$filter=ItemNumber eq 'P000002'");
        assertThat(everywhere).hasSize(3 * byItem.get("P000002").size());
        assertThat(new HashSet<>(texts(everywhere, "dataAreaId"))).containsExactlyInAnyOrder("demf", "gbsi", "usmf");
        assertThat(rows(http, "/data/ReleasedProductVariantsV2?$filter=ItemNumber eq 'P000002'"))
                .as("without cross-company only the caller's company").hasSize(byItem.get("P000002").size());
    }

    @Test
    void allVariantsOfOneCompanyWithRealisticDimensions() {
        JsonNode all = rows(http, "/data/ReleasedProductVariantsV2?cross-company=true&$filter=dataAreaId eq 'usmf'");
        assertThat(all.size()).isBetween(20 * 4, 20 * 9);
        assertThat(new HashSet<>(texts(all, "ItemNumber"))).hasSize(20);
        Set<String> colours = new HashSet<>(texts(all, "ProductColorId"));
        assertThat(colours).hasSizeGreaterThan(4).anyMatch(c -> c.contains(" "));
        assertThat(new HashSet<>(texts(all, "ProductSizeId"))).containsExactlyInAnyOrder("S", "M", "L", "XL");
        assertThat(http.get("/data/ReleasedProductVariantsV2/$count?cross-company=true").body())
                .isEqualTo(Integer.toString(3 * all.size()));
        assertThat(sandbox.data().table("ReleasedProductVariantsV2").scanSize()).isEqualTo(3 * all.size());
    }

    @Test
    void keyReadOrderBySelectTop() {
        JsonNode first = rows(http, "/data/ReleasedProductVariantsV2?$filter=ItemNumber eq 'P000012'").get(0);
        String key = "dataAreaId='usmf',ItemNumber='P000012',ProductConfigurationId='',ProductColorId='"
                + first.get("ProductColorId").asText() + "',ProductSizeId='" + first.get("ProductSizeId").asText()
                + "',ProductStyleId='',ProductVersionId=''";
        HttpResponse<String> one = http.get("/data/ReleasedProductVariantsV2(" + key + ")");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json(one.body()).get("ProductVariantNumber").asText()).isEqualTo(first.get("ProductVariantNumber").asText());

        JsonNode ordered = rows(http, "/data/ReleasedProductVariantsV2?cross-company=true&$filter=ItemNumber eq 'P000012'"
                + "&$orderby=ProductVariantNumber desc,dataAreaId&$select=dataAreaId,ProductVariantNumber&$top=4");
        assertThat(ordered).hasSize(4);
        List<String> numbers = texts(ordered, "ProductVariantNumber");
        assertThat(numbers).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(texts(ordered, "dataAreaId").subList(0, 3)).containsExactly("demf", "gbsi", "usmf");
        List<String> names = new ArrayList<>();
        ordered.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("@odata.etag", "dataAreaId", "ProductVariantNumber");
    }

    @Test
    void variantsPageLikeEveryOtherSet() {
        try (D365Sandbox small = D365Sandbox.start(SandboxHttp.options().seedSizes(SeedSizes.DEFAULT_WITH_VARIANTS)
                .pageSize(25).build())) {
            SandboxHttp client = new SandboxHttp(small);
            List<String> keys = new ArrayList<>();
            String next = "/data/ReleasedProductVariantsV2?cross-company=true";
            int pages = 0;
            HttpResponse<String> response = client.get(next);
            while (true) {
                JsonNode body = json(response.body());
                pages++;
                body.get("value").forEach(v -> keys.add(v.get("dataAreaId").asText() + "|" + v.get("ItemNumber").asText()
                        + "|" + v.get("ProductColorId").asText() + "|" + v.get("ProductSizeId").asText()));
                if (!body.has("@odata.nextLink")) {
                    break;
                }
                response = client.getUrl(body.get("@odata.nextLink").asText());
            }
            int total = small.data().table("ReleasedProductVariantsV2").scanSize();
            assertThat(keys).hasSize(total).doesNotHaveDuplicates();
            assertThat(pages).isEqualTo((total + 24) / 25);
        }
    }

    @Test
    void someMastersHaveAColourPrice() {
        JsonNode colourPrices = rows(http, "/data/SalesPriceAgreements?cross-company=true&$filter=dataAreaId eq 'usmf'"
                + " and ProductColorId ne ''");
        assertThat(colourPrices).hasSize(10);
        for (JsonNode agreement : colourPrices) {
            String item = agreement.get("ItemNumber").asText();
            assertThat(agreement.get("ProductNumber").asText()).isEqualTo(item);
            assertThat(agreement.get("ProductconfigurationId").asText()).isEmpty();
            assertThat(agreement.get("ProductSizeId").asText()).isEmpty();
            assertThat(agreement.get("ProductStyleId").asText()).isEmpty();
            assertThat(agreement.get("ProductVersionId").asText()).isEmpty();
            JsonNode variants = rows(http, "/data/ReleasedProductVariantsV2?$filter=ItemNumber eq '" + item
                    + "' and ProductColorId eq '" + agreement.get("ProductColorId").asText() + "'");
            assertThat(variants).as("the agreement's colour is one of the master's").isNotEmpty();
            BigDecimal itemPrice = new BigDecimal(rows(http, "/data/ReleasedProductsV2?$filter=ItemNumber eq '" + item
                    + "'").get(0).get("SalesPrice").asText());
            BigDecimal price = agreement.get("Price").decimalValue();
            assertThat(price).isNotEqualByComparingTo(itemPrice).isBetween(itemPrice.multiply(new BigDecimal("0.8")),
                    itemPrice.multiply(new BigDecimal("1.2")));
        }
        JsonNode plain = rows(http, "/data/SalesPriceAgreements?$filter=ItemNumber eq 'P000002'&$orderby=RecordId");
        assertThat(plain).hasSizeGreaterThan(1);
        assertThat(texts(plain, "ProductColorId").subList(0, 3)).containsOnly("");
    }

    @Test
    void someProductsRelateToOthers() {
        JsonNode relations = rows(http, "/data/ProductRelations?$filter=ProductNumber eq 'P000004' or ProductNumber eq"
                + " 'P000008' or ProductNumber eq 'P000005'");
        assertThat(new HashSet<>(texts(relations, "ProductNumber"))).containsExactlyInAnyOrder("P000004", "P000008");
        JsonNode all = rows(http, "/data/ProductRelations?cross-company=true");
        assertThat(all.size()).isBetween(24, 72);
        Set<String> products = new HashSet<>(texts(rows(http, "/data/ProductsV2?$select=ProductNumber"), "ProductNumber"));
        for (JsonNode relation : all) {
            List<String> names = new ArrayList<>();
            relation.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("@odata.etag", "ProductNumber", "RelatedProductNumber",
                    "ProductRelationTypeName");
            assertThat(relation.get("ProductRelationTypeName").asText()).isIn("Accessories", "UpSell", "CrossSell");
            assertThat(products).contains(relation.get("ProductNumber").asText(), relation.get("RelatedProductNumber").asText());
            assertThat(relation.get("RelatedProductNumber").asText()).isNotEqualTo(relation.get("ProductNumber").asText());
        }
        assertThat(new HashSet<>(texts(all, "ProductRelationTypeName"))).hasSize(3);
    }

    @Test
    void metadataListsTheNewSetsAndFields() {
        String metadata = http.get("/data/$metadata").body();
        assertThat(metadata).contains("<EntitySet Name=\"ReleasedProductVariantsV2\" EntityType=\"Microsoft.Dynamics"
                + ".DataEntities.ReleasedProductVariantV2\"/>")
                .contains("<EntitySet Name=\"ProductRelations\" EntityType=\"Microsoft.Dynamics.DataEntities.ProductRelation\"/>")
                .contains("<EntityType Name=\"ReleasedProductVariantV2\"><Key><PropertyRef Name=\"dataAreaId\"/>"
                        + "<PropertyRef Name=\"ItemNumber\"/><PropertyRef Name=\"ProductConfigurationId\"/>"
                        + "<PropertyRef Name=\"ProductColorId\"/><PropertyRef Name=\"ProductSizeId\"/>"
                        + "<PropertyRef Name=\"ProductStyleId\"/><PropertyRef Name=\"ProductVersionId\"/></Key>")
                .contains("<Property Name=\"ProductVariantNumber\" Type=\"Edm.String\"")
                .contains("<EntityType Name=\"ProductRelation\"><Key><PropertyRef Name=\"ProductNumber\"/>"
                        + "<PropertyRef Name=\"RelatedProductNumber\"/><PropertyRef Name=\"ProductRelationTypeName\"/></Key>")
                .contains("<Property Name=\"ProductconfigurationId\" Type=\"Edm.String\"")
                .contains("<Member Name=\"ProductMaster\" Value=\"1\"/>");
        int released = metadata.indexOf("<EntityType Name=\"ReleasedProductV2\">");
        assertThat(metadata.substring(released, metadata.indexOf("</EntityType>", released)))
                .contains("<Property Name=\"ProductDimensionGroupName\" Type=\"Edm.String\"");
        assertThat(http.get("/data").body()).contains("\"name\":\"ReleasedProductVariantsV2\"")
                .contains("\"name\":\"ProductRelations\"");
    }

    @Test
    void theDefaultSeedHasNoMastersVariantsOrRelations() {
        try (D365Sandbox plain = D365Sandbox.start(SandboxHttp.options().build())) {
            assertThat(plain.options().seedSizes()).isEqualTo(SeedSizes.DEFAULT);
            SandboxHttp client = new SandboxHttp(plain);
            assertThat(rows(client, "/data/ReleasedProductsV2?cross-company=true&$filter=ProductSubType ne " + ENUM
                    + "'Product' or ProductDimensionGroupName ne ''")).isEmpty();
            assertThat(rows(client, "/data/ProductsV2?$filter=ProductSubType ne " + ENUM + "'Product'")).isEmpty();
            assertThat(rows(client, "/data/ReleasedProductVariantsV2?cross-company=true")).isEmpty();
            assertThat(rows(client, "/data/ProductRelations")).isEmpty();
            assertThat(rows(client, "/data/SalesPriceAgreements?cross-company=true&$filter=ProductColorId ne '' or "
                    + "ProductSizeId ne '' or ProductconfigurationId ne '' or ProductStyleId ne '' or ProductVersionId ne ''"))
                    .isEmpty();
            assertThat(rows(client, "/data/SalesPriceAgreements?cross-company=true").size()).isEqualTo(3 * 100 * 3);
        }
    }
}
