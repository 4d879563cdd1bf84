package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.commerce.SandboxClient.Exchange;
import io.github.d365bridge.testing.CommerceContract;

/**
 * Attributes and options, configurable products (save, children, options) and their async bulk paths, over
 * HTTP against one sandbox; every answer this class provokes is also checked against Adobe's contract file.
 */
class ConfigurableApiTest {

    private static final String NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";

    private static CommerceSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().bulkOperationPace(Duration.ZERO).build());
        sandbox.traffic().recording(true);
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        try {
            assertThat(CommerceContract.load().checkAll(sandbox.traffic().exchanges())).isEmpty();
        } finally {
            sandbox.close();
        }
    }

    // ---- attributes and options --------------------------------------------------------------------------

    @Test
    void selectAttributesAnswerTheirOptionsAfterTheBlankOneAndUnknownCodesAre404() {
        JsonNode color = client.get("/rest/all/V1/products/attributes/color").json();
        assertThat(color.get("attribute_id").asInt()).isEqualTo(93);
        assertThat(color.get("attribute_code").asText()).isEqualTo("color");
        assertThat(color.get("frontend_input").asText()).isEqualTo("select");
        assertThat(color.get("default_frontend_label").asText()).isEqualTo("Color");
        assertThat(color.get("options").get(0).toString()).isEqualTo("{\"label\":\" \",\"value\":\"\"}");
        assertThat(color.get("options").get(1).toString()).isEqualTo("{\"label\":\"Black\",\"value\":\"49\"}");
        assertThat(options("size")).containsEntry("S", "167").containsEntry("M", "168").containsEntry("L", "169")
                .containsEntry("XL", "170");
        assertThat(client.get("/rest/all/V1/products/attributes/size/options").json().get(0).get("value").asText()).isEmpty();

        Exchange missing = client.get("/rest/all/V1/products/attributes/colour");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asText())
                .isEqualTo("The attribute with a \"%1\" attributeCode doesn't exist. Verify the attribute and try again.");
        assertThat(missing.json().get("parameters").get(0).asText()).isEqualTo("colour");
        assertThat(client.get("/rest/all/V1/products/attributes/description").json().get("options")).isEmpty();
    }

    @Test
    void anAddedOptionIsAnsweredAsItsIdInAStringAndListedWithItsStoreLabel() {
        Exchange added = client.post("/rest/all/V1/products/attributes/color/options", Map.of("option", Map.of(
                "label", "Forest Green", "sort_order", 9, "is_default", false,
                "store_labels", List.of(Map.of("store_id", 1, "label", "Waldgrün")))));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().isTextual()).as("a JSON string, as 2.4.3+ answers").isTrue();
        String id = added.json().asText();
        assertThat(id).matches("\\d+");
        assertThat(options("color")).containsEntry("Forest Green", id);
        assertThat(client.get("/rest/default/V1/products/attributes/color/options").json().toString())
                .contains("{\"label\":\"Waldgrün\",\"value\":\"" + id + "\"}");
    }

    @Test
    void optionAddsRefuseDuplicatesEmptyLabelsAndAttributesWithoutOptions() {
        Exchange duplicate = addOption("color", "bLUE");
        assertThat(duplicate.status()).as("compared case-insensitively").isEqualTo(400);
        assertThat(duplicate.json().get("message").asText()).isEqualTo("Admin store attribute option label \"%1\" is already exists.");
        assertThat(duplicate.json().get("parameters").get(0).asText()).isEqualTo("bLUE");
        assertThat(addOption("size", "168").status()).as("a label equal to an option id counts as taken (#32593)")
                .isEqualTo(400);

        Exchange empty = addOption("size", "   ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("message").asText())
                .isEqualTo("The attribute option label is empty. Enter the value and try again.");

        Exchange text = addOption("description", "Long");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("message").asText()).isEqualTo("The \"%1\" attribute doesn't work with options.");
        assertThat(text.json().get("parameters").get(0).asText()).isEqualTo("description");
        assertThat(addOption("nope", "X").status()).isEqualTo(404);
        assertThat(options("size")).as("the blank option and S, M, L, XL").hasSize(5);
    }

    @Test
    void legacyStoresAnswerTheOptionIdWithItsIdPrefix() {
        try (CommerceSandbox legacy = CommerceSandbox.start(CommerceSandboxOptions.builder().legacyAttributeOptionIds(true).build())) {
            Exchange added = new SandboxClient(legacy).post("/rest/all/V1/products/attributes/size/options",
                    Map.of("option", Map.of("label", "XXL")));
            assertThat(added.json().asText()).matches("id_\\d+");
            assertThat(legacy.data().attributeOptions("size").get("XXL")).isEqualTo(Integer.parseInt(added.json().asText().substring(3)));
        }
    }

    // ---- select values of products -----------------------------------------------------------------------

    @Test
    void aSelectValueMustBeAnOptionIdOfItsAttribute() {
        Exchange label = client.post("/rest/all/V1/products", Map.of("product", simple("SEL-1", Map.of("color", "Blue"))));
        assertThat(label.status()).isEqualTo(400);
        assertThat(label.json().get("message").asText()).isEqualTo("The \"%1\" attribute doesn't include an option with \"%2\" ID.");
        assertThat(label.json().get("parameters").toString()).isEqualTo("[\"color\",\"Blue\"]");
        assertThat(client.post("/rest/all/V1/products", Map.of("product", simple("SEL-1", Map.of("color", "167")))).status())
                .as("167 is an option of size, not of color").isEqualTo(400);
        assertThat(sandbox.data().product("SEL-1", "all")).isEmpty();

        assertThat(client.post("/rest/all/V1/products", Map.of("product", simple("SEL-1", Map.of("color", "50")))).status())
                .isEqualTo(200);
        Exchange update = unrecorded(() -> client.put("/rest/default/V1/products/SEL-1", Map.of("product", Map.of("sku", "SEL-1",
                "custom_attributes", List.of(Map.of("attribute_code", "color", "value", 58))))));
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().path("custom_attributes")).filteredOn(a -> a.path("attribute_code").asText().equals("color"))
                .singleElement().satisfies(a -> assertThat(a.get("value").isTextual()).as("a string, as Commerce answers").isTrue());
        assertThat(attribute(sandbox.data().product("SEL-1", "all").orElseThrow(), "color"))
                .as("color is global: a write through a store view lands in store 0").isEqualTo("58");
    }

    // ---- configurable product saves ----------------------------------------------------------------------

    @Test
    void aConfigurableNeedsNoPriceAndAnswersItsOptionsWithValuesReadFromItsChildren() {
        Exchange created = unrecorded(() -> client.post("/rest/all/V1/products", Map.of("product", configurable("CFG-A",
                List.of(option("93", "Color", 0, 50, 58), option(144, "Size", 1, 167)), null))));
        assertThat(created.status()).isEqualTo(200);
        JsonNode options = created.json().at("/extension_attributes/configurable_product_options");
        assertThat(options).hasSize(2);
        assertThat(options.get(0).get("attribute_id").asText()).isEqualTo("93");
        assertThat(options.get(0).get("id").asInt()).isPositive();
        assertThat(options.get(0).get("product_id").asInt()).isEqualTo(created.json().get("id").asInt());
        assertThat(options.get(0).get("values")).as("no children yet: Commerce reads values from them").isEmpty();
        assertThat(created.json().at("/extension_attributes/configurable_product_links")).isEmpty();

        int blueS = childId("CFG-A-BLUE-S", Map.of("color", "50", "size", "167"));
        int redS = childId("CFG-A-RED-S", Map.of("color", "58", "size", "167"));
        Exchange linked = client.put("/rest/all/V1/products/CFG-A", Map.of("product", Map.of("sku", "CFG-A",
                "extension_attributes", Map.of("configurable_product_links", List.of(blueS, redS)))));
        assertThat(linked.status()).isEqualTo(200);
        JsonNode read = client.get("/rest/all/V1/products/CFG-A").json();
        assertThat(read.at("/extension_attributes/configurable_product_links").toString()).isEqualTo("[" + blueS + "," + redS + "]");
        assertThat(read.at("/extension_attributes/configurable_product_options/0/values").toString())
                .isEqualTo("[{\"value_index\":50},{\"value_index\":58}]");
        assertThat(read.at("/extension_attributes/configurable_product_options/1/values").toString())
                .isEqualTo("[{\"value_index\":167}]");
        assertThat(read.has("price")).isFalse();
        assertThat(client.get("/rest/all/V1/configurable-products/CFG-A/options/all").json()).isEqualTo(
                read.at("/extension_attributes/configurable_product_options"));
    }

    @Test
    void savedOptionsAreCheckedAttributeByAttributeAndValueByValue() {
        Exchange unknown = saveConfigurable("CFG-B", List.of(option("999", "X", 0, 50)), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).startsWith("The attribute with a \"%1\" attributeCode doesn't exist.");
        assertThat(unknown.json().get("parameters").get(0).asText()).isEqualTo("999");

        Exchange text = saveConfigurable("CFG-B", List.of(option("75", "Description", 0, 50)), null);
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("message").asText()).isEqualTo("Provided attribute can not be used with configurable product.");

        Exchange value = saveConfigurable("CFG-B", List.of(option("93", "Color", 0, 50, 167)), null);
        assertThat(value.status()).isEqualTo(400);
        assertThat(value.json().get("message").asText()).isEqualTo("The \"%1\" attribute doesn't include an option with \"%2\" ID.");
        assertThat(value.json().get("parameters").toString()).isEqualTo("[\"color\",167]");

        Exchange noValues = saveConfigurable("CFG-B", List.of(Map.of("attribute_id", "93", "label", "Color", "values", List.of())), null);
        assertThat(noValues.status()).isEqualTo(400);
        assertThat(noValues.json().get("message").asText()).isEqualTo("Option values are not specified.");
        Exchange several = saveConfigurable("CFG-B", List.of(Map.of("attribute_id", "93", "values", List.of(Map.of()))), null);
        assertThat(several.json().get("message").asText()).isEqualTo("One or more input exceptions have occurred.");
        assertThat(several.json().get("errors")).extracting(e -> e.get("message").asText())
                .containsExactly("Option label is not specified.", "Value index is not specified for an option.");
        assertThat(saveConfigurable("CFG-B", List.of(option("93", "Color", 0, 50), option("93", "Colour", 1, 58)), null).status())
                .as("one attribute twice").isEqualTo(400);
        assertThat(sandbox.data().product("CFG-B", "all")).isEmpty();
    }

    @Test
    void savedLinksNeedEveryOptionValueAndDistinctValueSets() {
        int white = childId("CFG-C-WHITE", Map.of("color", "59"));
        int white2 = childId("CFG-C-WHITE-2", Map.of("color", "59"));
        int bare = childId("CFG-C-BARE", Map.of());
        List<Map<String, Object>> color = List.of(option("93", "Color", 0, 59));

        Exchange lacking = saveConfigurable("CFG-C", color, List.of(white, bare));
        assertThat(lacking.status()).isEqualTo(400);
        assertThat(lacking.json().get("message").asText()).isEqualTo("Product with id \"%1\" does not contain required attribute \"%2\".");
        assertThat(lacking.json().get("parameters").toString()).isEqualTo("[" + bare + ",\"color\"]");

        Exchange twins = saveConfigurable("CFG-C", color, List.of(white, white2));
        assertThat(twins.status()).isEqualTo(400);
        assertThat(twins.json().get("message").asText()).isEqualTo("Products \"%1\" and \"%2\" have the same set of attribute values.");
        assertThat(twins.json().get("parameters").toString()).isEqualTo("[" + white2 + "," + white + "]");
        assertThat(saveConfigurable("CFG-C", color, List.of(white, 999999)).status()).isEqualTo(404);

        assertThat(saveConfigurable("CFG-C", color, List.of(white)).status()).isEqualTo(200);
        int black = childId("CFG-C-BLACK", Map.of("color", "49"));
        Exchange linksOnly = saveConfigurable("CFG-C", null, List.of(white, black));
        assertThat(linksOnly.status()).as("links without options: every pair looks the same (#39534)").isEqualTo(400);
        assertThat(linksOnly.json().get("message").asText()).isEqualTo("Products \"%1\" and \"%2\" have the same set of attribute values.");
        assertThat(client.put("/rest/all/V1/products/CFG-C", Map.of("product", Map.of("sku", "CFG-C", "extension_attributes",
                Map.of("configurable_product_links", List.of(white, black)))))
                .status()).as("without type_id the check does not run").isEqualTo(200);
        assertThat(sandbox.data().configurableChildren("CFG-C")).containsExactly("CFG-C-WHITE", "CFG-C-BLACK");
    }

    @Test
    void theSentOptionsReplaceTheOldOnesAndAChangedOneUnlinksEveryChild() {
        int blue = childId("CFG-D-BLUE", Map.of("color", "50", "size", "168"));
        assertThat(saveConfigurable("CFG-D", List.of(option("93", "Color", 0, 50), option("144", "Size", 1, 168)),
                List.of(blue)).status()).isEqualTo(200);
        int colorOption = sandbox.data().configurableOptions("CFG-D").get(0).id();

        assertThat(saveConfigurable("CFG-D", List.of(option("93", "Color", 0, 50)), null).status()).isEqualTo(200);
        assertThat(sandbox.data().configurableOptions("CFG-D")).singleElement()
                .satisfies(o -> assertThat(o.id()).as("unchanged: kept").isEqualTo(colorOption));
        assertThat(sandbox.data().configurableChildren("CFG-D")).as("deleting the size option unlinked all").isEmpty();

        assertThat(saveConfigurable("CFG-D", List.of(option("93", "Colour", 0, 50)), List.of(blue)).status()).isEqualTo(200);
        assertThat(sandbox.data().configurableOptions("CFG-D").get(0).id()).as("a new label is a new option").isNotEqualTo(colorOption);
        assertThat(sandbox.data().configurableChildren("CFG-D")).containsExactly("CFG-D-BLUE");
    }

    // ---- children ----------------------------------------------------------------------------------------

    @Test
    void addChildFollowsLinkManagementAndRelabelsTheOptions() {
        assertThat(saveConfigurable("CFG-E", List.of(option("93", "colour", 0, 49)), null).status()).isEqualTo(200);
        childId("CFG-E-BLACK", Map.of("color", "49"));
        childId("CFG-E-BLACK-2", Map.of("color", "49"));
        childId("CFG-E-NONE", Map.of("size", "167"));
        childId("CFG-E-OTHER", Map.of("color", "58"));
        assertThat(client.post("/rest/all/V1/products", Map.of("product", simple("CFG-E-PLAIN", Map.of()))).status()).isEqualTo(200);

        Exchange added = addChild("CFG-E", "CFG-E-BLACK");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.responseBody()).isEqualTo("true");
        assertThat(sandbox.data().configurableOptions("CFG-E").get(0).label()).as("rebuilt with the attribute's label")
                .isEqualTo("Color");

        assertError(addChild("NOPE", "CFG-E-BLACK"), 404, NOT_FOUND);
        assertError(addChild("CFG-E", "NOPE"), 404, NOT_FOUND);
        assertError(addChild("CFG-E", "CFG-E-BLACK"), 400, "The product is already attached.");
        assertError(addChild("CFG-E-PLAIN", "CFG-E-BLACK"), 400, "The parent product doesn't have configurable product options.");
        Exchange lacking = addChild("CFG-E", "CFG-E-NONE");
        assertError(lacking, 400, "The child product doesn't have the \"%1\" attribute value. Verify the value and try again.");
        assertThat(lacking.json().get("parameters").get(0).asText()).isEqualTo("color");
        Exchange twin = addChild("CFG-E", "CFG-E-BLACK-2");
        assertError(twin, 400, "Products \"%1\" and \"%2\" have the same set of attribute values.");
        assertThat(twin.json().get("parameters").toString()).isEqualTo("[" + id("CFG-E-BLACK-2") + "," + id("CFG-E-BLACK") + "]");

        assertThat(addChild("CFG-E", "CFG-E-OTHER").status()).as("any option of the attribute will do").isEqualTo(200);
        JsonNode children = client.get("/rest/all/V1/configurable-products/CFG-E/children").json();
        assertThat(children).extracting(c -> c.get("sku").asText()).containsExactly("CFG-E-BLACK", "CFG-E-OTHER");
        assertThat(client.get("/rest/all/V1/configurable-products/CFG-E/options/all").json().get(0).get("values").toString())
                .isEqualTo("[{\"value_index\":49},{\"value_index\":58}]");
        assertThat(client.get("/rest/all/V1/configurable-products/CFG-E-PLAIN/children").json()).isEmpty();
        assertThat(client.get("/rest/all/V1/configurable-products/NOPE/children").status()).isEqualTo(404);
    }

    @Test
    void removingAChildAnswersTrueAndAProductThatIsNoChildIs404() {
        int red = childId("CFG-F-RED", Map.of("color", "58"));
        int white = childId("CFG-F-WHITE", Map.of("color", "59"));
        assertThat(saveConfigurable("CFG-F", List.of(option("93", "Color", 0, 58, 59)), List.of(red, white)).status()).isEqualTo(200);

        Exchange removed = client.send("DELETE", "/rest/all/V1/configurable-products/CFG-F/children/CFG-F-RED", null);
        assertThat(removed.responseBody()).isEqualTo("true");
        assertThat(sandbox.data().configurableChildren("CFG-F")).containsExactly("CFG-F-WHITE");
        assertError(client.send("DELETE", "/rest/all/V1/configurable-products/CFG-F/children/CFG-F-RED", null), 404,
                "The option that was requested doesn't exist. Verify the entity and try again.");
        Exchange simple = client.send("DELETE", "/rest/all/V1/configurable-products/CFG-F-RED/children/CFG-F-WHITE", null);
        assertError(simple, 400, "The product with the \"%1\" SKU isn't a configurable product.");
        assertThat(client.send("DELETE", "/rest/all/V1/configurable-products/NOPE/children/CFG-F-WHITE", null).status())
                .isEqualTo(404);
    }

    // ---- options -----------------------------------------------------------------------------------------

    @Test
    void postingAnOptionAddsOrUpdatesItByAttributeAndTurnsASimpleProductConfigurable() {
        assertThat(client.post("/rest/all/V1/products", Map.of("product", simple("CFG-G", Map.of()))).status()).isEqualTo(200);
        Exchange first = postOption("CFG-G", option("93", "Color", 0, 49));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().isInt()).isTrue();
        assertThat(sandbox.data().product("CFG-G", "all").orElseThrow().get("type_id").asText()).isEqualTo("configurable");

        Exchange again = unrecorded(() -> postOption("CFG-G", option(93, "Shade", 2, 50)));
        assertThat(again.json().asInt()).as("2.4 updates the option the attribute already has").isEqualTo(first.json().asInt());
        assertThat(sandbox.data().configurableOptions("CFG-G")).singleElement()
                .satisfies(o -> assertThat(o.label() + "/" + o.position()).isEqualTo("Shade/2"));
        int size = postOption("CFG-G", option("144", "Size", 1, 167)).json().asInt();
        assertThat(size).isNotEqualTo(first.json().asInt());
        assertThat(client.get("/rest/all/V1/configurable-products/CFG-G/options/all").json())
                .extracting(o -> o.get("attribute_id").asText()).containsExactly("144", "93");

        Map<String, Object> byId = new HashMap<>(option("93", "Hue", 2, 50));
        byId.put("id", 999999);
        assertError(postOption("CFG-G", byId), 404, "Option with id \"%1\" not found");
        assertError(postOption("CFG-G", Map.of("label", "Color", "values", List.of(Map.of("value_index", 49)))), 400,
                "Option attribute ID is not specified.");
        assertError(postOption("CFG-G", option("75", "Description", 0, 49)), 400,
                "Provided attribute can not be used with configurable product.");
        assertError(postOption("CFG-G", option("999", "X", 0, 49)), 400,
                "An error occurred while saving the option. Please try to save again.");
        assertThat(postOption("NOPE", option("93", "Color", 0, 49)).status()).isEqualTo(404);
        assertError(client.get("/rest/all/V1/configurable-products/SB-SIMPLE-001/options/all"), 400,
                "This is implemented for the \"%1\" configurable product only.");
    }

    @Test
    void theSeededConfigurablesHaveASizeOptionAndLinkedChildren() {
        JsonNode parent = client.get("/rest/all/V1/products/SB-CONF-01").json();
        assertThat(parent.at("/extension_attributes/configurable_product_options/0/attribute_id").asText()).isEqualTo("144");
        assertThat(parent.at("/extension_attributes/configurable_product_options/0/values").toString())
                .isEqualTo("[{\"value_index\":167},{\"value_index\":168},{\"value_index\":169}]");
        assertThat(sandbox.data().configurableChildren("SB-CONF-01")).containsExactly("SB-CONF-01-S", "SB-CONF-01-M", "SB-CONF-01-L");
    }

    // ---- async bulk --------------------------------------------------------------------------------------

    @Test
    void childrenAndConfigurableSavesWorkThroughAsyncBulk() {
        childId("CFG-H-BLUE", Map.of("color", "50"));
        childId("CFG-H-RED", Map.of("color", "58"));
        String saved = bulk("PUT", "/rest/all/async/bulk/V1/products/bySku", List.of(Map.of("sku", "CFG-H",
                "product", configurable("CFG-H", List.of(option("93", "Color", 0, 50, 58)), null))));
        assertThat(statuses(saved)).containsExactly(1);

        String linked = bulk("POST", "/rest/all/async/bulk/V1/configurable-products/bySku/child", List.of(
                Map.of("sku", "CFG-H", "childSku", "CFG-H-BLUE"), Map.of("sku", "CFG-H", "childSku", "CFG-H-RED"),
                Map.of("sku", "CFG-H", "childSku", "CFG-H-BLUE")));
        assertThat(statuses(linked)).containsExactly(1, 1, 3);
        JsonNode operations = client.get("/rest/V1/bulk/" + linked + "/detailed-status").json().get("operations_list");
        assertThat(operations.get(2).get("result_message").asText()).isEqualTo("The product is already attached.");
        assertThat(sandbox.data().configurableChildren("CFG-H")).containsExactly("CFG-H-BLUE", "CFG-H-RED");

        String removed = bulk("DELETE", "/rest/all/async/bulk/V1/configurable-products/bySku/children/byChildSku",
                List.of(Map.of("sku", "CFG-H", "childSku", "CFG-H-RED")));
        assertThat(statuses(removed)).containsExactly(1);
        assertThat(sandbox.data().configurableChildren("CFG-H")).containsExactly("CFG-H-BLUE");
        String option = bulk("POST", "/rest/all/async/bulk/V1/configurable-products/bySku/options",
                List.of(Map.of("sku", "CFG-H", "option", option("144", "Size", 1, 167))));
        assertThat(statuses(option)).containsExactly(1);
        assertThat(sandbox.data().configurableOptions("CFG-H")).hasSize(2);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /**
     * A call the contract check must not see: it sends a number where the file types a string ({@code attribute_id},
     * a custom attribute's {@code value}), which Commerce accepts and the test means to prove.
     */
    private static Exchange unrecorded(java.util.function.Supplier<Exchange> call) {
        sandbox.traffic().recording(false);
        try {
            return call.get();
        } finally {
            sandbox.traffic().recording(true);
        }
    }

    private static Map<String, String> options(String code) {
        Map<String, String> byLabel = new HashMap<>();
        client.get("/rest/all/V1/products/attributes/" + code + "/options").json()
                .forEach(o -> byLabel.put(o.get("label").asText(), o.get("value").asText()));
        return byLabel;
    }

    private static Exchange addOption(String code, String label) {
        return client.post("/rest/all/V1/products/attributes/" + code + "/options", Map.of("option", Map.of("label", label)));
    }

    private static Map<String, Object> simple(String sku, Map<String, String> selects) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        selects.forEach((code, value) -> attributes.add(Map.of("attribute_code", code, "value", value)));
        return Map.of("sku", sku, "name", "Product " + sku, "price", 10, "type_id", "simple", "attribute_set_id", 4,
                "custom_attributes", attributes);
    }

    private static int childId(String sku, Map<String, String> selects) {
        Exchange created = client.post("/rest/all/V1/products", Map.of("product", simple(sku, selects)));
        assertThat(created.status()).as(created.responseBody()).isEqualTo(200);
        return created.json().get("id").asInt();
    }

    private static int id(String sku) {
        return sandbox.data().product(sku, "all").orElseThrow().get("id").asInt();
    }

    private static String attribute(JsonNode product, String code) {
        for (JsonNode attribute : product.path("custom_attributes")) {
            if (attribute.path("attribute_code").asText().equals(code)) {
                return attribute.path("value").asText();
            }
        }
        return null;
    }

    private static Map<String, Object> option(Object attributeId, String label, int position, int... values) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int value : values) {
            list.add(Map.of("value_index", value));
        }
        return Map.of("attribute_id", attributeId, "label", label, "position", position, "values", list);
    }

    private static Map<String, Object> configurable(String sku, List<Map<String, Object>> options, List<Integer> links) {
        Map<String, Object> extension = new HashMap<>();
        if (options != null) {
            extension.put("configurable_product_options", options);
        }
        if (links != null) {
            extension.put("configurable_product_links", links);
        }
        return Map.of("sku", sku, "name", "Configurable " + sku, "type_id", "configurable", "attribute_set_id", 4,
                "visibility", 4, "extension_attributes", extension);
    }

    private static Exchange saveConfigurable(String sku, List<Map<String, Object>> options, List<Integer> links) {
        return client.put("/rest/all/V1/products/" + sku, Map.of("product", configurable(sku, options, links)));
    }

    private static Exchange addChild(String sku, String childSku) {
        return client.post("/rest/all/V1/configurable-products/" + sku + "/child", Map.of("childSku", childSku));
    }

    private static Exchange postOption(String sku, Map<String, Object> option) {
        return client.post("/rest/all/V1/configurable-products/" + sku + "/options", Map.of("option", option));
    }

    private static void assertError(Exchange exchange, int status, String message) {
        assertThat(exchange.status()).as(exchange.responseBody()).isEqualTo(status);
        assertThat(exchange.json().get("message").asText()).isEqualTo(message);
    }

    private static String bulk(String method, String path, List<?> elements) {
        Exchange accepted = client.send(method, path, elements);
        assertThat(accepted.status()).as(accepted.responseBody()).isEqualTo(202);
        assertThat(accepted.json().get("errors").asBoolean()).isFalse();
        String uuid = accepted.json().get("bulk_uuid").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.bulks().count(uuid, 4) == 0);
        return uuid;
    }

    private static List<Integer> statuses(String uuid) {
        List<Integer> statuses = new ArrayList<>();
        client.get("/rest/V1/bulk/" + uuid + "/status").json().get("operations_list")
                .forEach(op -> statuses.add(op.get("status").asInt()));
        return statuses;
    }
}
