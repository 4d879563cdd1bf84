package io.github.d365bridge.sandbox.commerce.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog;
import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog.Attribute;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.ground.Json;

/**
 * {@code /V1/products/attributes/{attributeCode}}: reading an attribute with its options and adding an option,
 * as {@code Eav\Model\Entity\Attribute\OptionManagement} of 2.4.3+ does. Option ids are answered as strings in
 * {@code value}, after the blank first option ({@code " "} / {@code ""}) that table-source selects list.
 */
public final class AttributeApi {

    static final String ACL = "Magento_Catalog::attributes_attributes";
    public static final String NOT_FOUND =
            "The attribute with a \"%1\" attributeCode doesn't exist. Verify the attribute and try again.";
    static final String NO_OPTIONS = "The \"%1\" attribute doesn't work with options.";
    static final String EMPTY_LABEL = "The attribute option label is empty. Enter the value and try again.";
    /** Magento's own grammar ("is already exists"), fixed only after 2.4.8. */
    static final String DUPLICATE_LABEL = "Admin store attribute option label \"%1\" is already exists.";

    private final CommerceSandboxData data;
    private final boolean legacyOptionIds;

    public AttributeApi(CommerceSandboxData data, boolean legacyOptionIds) {
        this.data = data;
        this.legacyOptionIds = legacyOptionIds;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("GET", "/V1/products/attributes/{attributeCode}", ACL, List.of(),
                call -> describe(attribute(call.path("attributeCode")), call.store().storeId())));
        routes.add(new Route("GET", "/V1/products/attributes/{attributeCode}/options", ACL, List.of(),
                call -> options(attribute(call.path("attributeCode")), call.store().storeId())));
        routes.add(new Route("POST", "/V1/products/attributes/{attributeCode}/options", ACL, List.of("option"),
                this::addOption));
    }

    private Attribute attribute(String code) {
        return data.attributeCatalog().byCode(code).orElseThrow(() -> CommerceException.notFound(NOT_FOUND, code));
    }

    /** {@code catalog-data-product-attribute-interface}, with the fields the contract requires. */
    static ObjectNode describe(Attribute attribute, int storeId) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("is_wysiwyg_enabled", false).put("is_html_allowed_on_front", !attribute.usesOptions())
                .put("used_for_sort_by", false).put("is_filterable", attribute.usesOptions())
                .put("is_filterable_in_search", attribute.usesOptions()).put("is_used_in_grid", true)
                .put("is_visible_in_grid", false).put("is_filterable_in_grid", true).put("position", 0);
        ArrayNode applyTo = node.putArray("apply_to");
        if (attribute.configurable()) {
            applyTo.add("simple").add("virtual").add("configurable");
        }
        node.put("is_searchable", "1").put("is_visible_in_advanced_search", "1").put("is_comparable", "0")
                .put("is_used_for_promo_rules", "0").put("is_visible_on_front", "0").put("used_in_product_listing", "0")
                .put("is_visible", true).put("scope", attribute.scope()).put("attribute_id", attribute.id())
                .put("attribute_code", attribute.code()).put("frontend_input", attribute.frontendInput())
                .put("entity_type_id", "4").put("is_required", false);
        node.set("options", options(attribute, storeId));
        node.put("is_user_defined", attribute.userDefined()).put("default_frontend_label", attribute.label());
        node.putArray("frontend_labels");
        node.put("backend_type", attribute.backendType());
        if (attribute.usesOptions()) {
            node.put("source_model", "Magento\\Eav\\Model\\Entity\\Attribute\\Source\\Table");
        }
        node.put("default_value", attribute.defaultOption().map(String::valueOf).orElse(""))
                .put("is_unique", "0");
        node.putArray("validation_rules");
        return node;
    }

    /** {@code getAllOptions()} of the table source: the blank option first, labels of the store view asked for. */
    static ArrayNode options(Attribute attribute, int storeId) {
        ArrayNode list = Json.mapper().createArrayNode();
        if (!attribute.usesOptions()) {
            return list;
        }
        list.addObject().put("label", " ").put("value", "");
        for (AttributeCatalog.Option option : attribute.options()) {
            list.addObject().put("label", option.label(storeId)).put("value", String.valueOf(option.id()));
        }
        return list;
    }

    /**
     * {@code OptionManagement::add}: the attribute must use options, the trimmed label must not be empty nor
     * match an existing option ({@link Attribute#optionForLabel}); the answer is the new option id as a JSON
     * string ({@code "171"}; before 2.4.3 {@code "id_171"}, see {@code legacyAttributeOptionIds}). The option's
     * {@code value} is ignored: Commerce always numbers options itself.
     */
    private Object addOption(ApiCall call) {
        String code = call.path("attributeCode");
        Attribute attribute = attribute(code);
        if (!attribute.usesOptions()) {
            throw CommerceException.badRequest(NO_OPTIONS, code);
        }
        ObjectNode option = Nodes.object(call.member("option"), "option");
        String sent = Nodes.text(option, "label");
        String label = sent == null ? "" : ProductApi.phpTrim(sent);
        if (label.isEmpty()) {
            throw CommerceException.badRequest(EMPTY_LABEL);
        }
        if (attribute.optionForLabel(label).isPresent()) {
            throw CommerceException.badRequest(DUPLICATE_LABEL, sent);
        }
        Map<Integer, String> storeLabels = new LinkedHashMap<>();
        for (JsonNode storeLabel : option.path("store_labels")) {
            int storeId = Nodes.intValue(storeLabel, "store_id", 0);
            String text = Nodes.text(storeLabel, "label");
            if (storeId != 0 && text != null) {
                storeLabels.put(storeId, text);
            }
        }
        int id = data.attributeCatalog().addOption(attribute, label, Nodes.intValue(option, "sort_order", 0),
                option.path("is_default").asBoolean(false), storeLabels).id();
        return legacyOptionIds ? "id_" + id : String.valueOf(id);
    }
}
