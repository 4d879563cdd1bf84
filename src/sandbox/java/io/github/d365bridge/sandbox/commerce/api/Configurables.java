package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog;
import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog.Attribute;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.data.ConfigurableCatalog;
import io.github.d365bridge.sandbox.commerce.data.ProductCatalog;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.InputErrors;
import io.github.d365bridge.ground.Json;

/**
 * What saving a configurable product does to its options and children, shared by the product save and the
 * {@code /V1/configurable-products} routes, in Commerce's three steps:
 * <ol>
 * <li>{@code ProductRepositorySave::beforeSave} ({@link #checkLinks}): only when the saved product says
 * {@code type_id: configurable}; every child must have a value for each option's attribute and no two children
 * the same values. It takes the attributes from the options <em>sent</em>, so links sent without options make
 * every pair of children "the same" (Magento issue #39534, reproduced on 2.4.7).</li>
 * <li>{@code OptionRepository::save} ({@link #checkOptions}) for each new or changed option: attribute id, label
 * and values required. The sandbox also refuses what Commerce would store and show as broken: an attribute a
 * configurable cannot use, a {@code value_index} that is no option of the attribute.</li>
 * <li>{@code SaveHandler} ({@link #save}): an option whose attribute is not sent again, or whose label or
 * position changed, is deleted, and deleting an option unlinks <em>all</em> children; new and changed options
 * get new ids; links sent replace the children.</li>
 * </ol>
 */
final class Configurables {

    static final String TYPE = "configurable";
    static final String REQUIRED_ATTRIBUTE = "Product with id \"%1\" does not contain required attribute \"%2\".";
    static final String SAME_VALUES = "Products \"%1\" and \"%2\" have the same set of attribute values.";
    static final String CANNOT_USE = "Provided attribute can not be used with configurable product.";
    static final String NO_SUCH_OPTION = "The \"%1\" attribute doesn't include an option with \"%2\" ID.";
    static final String SAVE_FAILED = "An error occurred while saving the option. Please try to save again.";
    static final String PRODUCT_SAVE_FAILED = "The product was unable to be saved. Please try again.";

    /** An option as a request sends it; {@code attributeId} is the raw text ({@code "93"}, {@code 93}, or null). */
    record SentOption(Integer id, String attributeId, String label, Integer position, List<Integer> values,
            boolean valuesSent, int valuesWithoutIndex) {

        static SentOption of(JsonNode node) {
            ObjectNode option = Nodes.object(node, "configurable_product_options");
            List<Integer> values = new ArrayList<>();
            int missing = 0;
            for (JsonNode value : option.path("values")) {
                if (value.hasNonNull("value_index")) {
                    values.add(Nodes.intValue(value, "value_index", 0));
                } else {
                    missing++;
                }
            }
            Integer id = option.hasNonNull("id") ? Nodes.intValue(option, "id", 0) : null;
            Integer position = option.hasNonNull("position") ? Nodes.intValue(option, "position", 0) : null;
            return new SentOption(id == null || id == 0 ? null : id, Nodes.text(option, "attribute_id"),
                    Nodes.text(option, "label"), position, values, option.path("values").size() > 0, missing);
        }
    }

    /** The two extension attributes as sent; a null list was not sent (and leaves that part as it is). */
    record Sent(List<SentOption> options, List<Integer> links) {

        /** Takes both out of {@code extension_attributes}, so they never land in the product row. */
        static Sent take(ObjectNode product) {
            JsonNode extension = product.get("extension_attributes");
            if (!(extension instanceof ObjectNode ext)) {
                return new Sent(null, null);
            }
            JsonNode options = ext.remove("configurable_product_options");
            JsonNode links = ext.remove("configurable_product_links");
            List<SentOption> optionList = null;
            if (options != null && !options.isNull()) {
                optionList = new ArrayList<>();
                for (JsonNode option : options) {
                    optionList.add(SentOption.of(option));
                }
            }
            List<Integer> linkList = null;
            if (links != null && !links.isNull()) {
                linkList = new ArrayList<>();
                for (JsonNode link : links) {
                    linkList.add(Nodes.intValue(Json.mapper().createObjectNode().set("id", link), "id", 0));
                }
            }
            return new Sent(optionList, linkList);
        }

        boolean any() {
            return options != null && !options.isEmpty() || links != null && !links.isEmpty();
        }
    }

    private final CommerceSandboxData data;

    Configurables(CommerceSandboxData data) {
        this.data = data;
    }

    /** {@code validateProductLinks}: each child has a value for every attribute, no two share all values. */
    void checkLinks(Sent sent) {
        if (!sent.any()) {
            return;
        }
        List<Attribute> attributes = new ArrayList<>();
        for (SentOption option : sent.options() == null ? List.<SentOption>of() : sent.options()) {
            attributes.add(data.attributeCatalog().byCodeOrId(option.attributeId())
                    .orElseThrow(() -> CommerceException.notFound(AttributeApi.NOT_FOUND, String.valueOf(option.attributeId()))));
        }
        checkChildren(attributes.stream().map(Attribute::code).toList(),
                sent.links() == null ? List.of() : sent.links());
    }

    /** The loop of {@code validateProductLinks}, for a product save and for {@code addChild}. */
    void checkChildren(List<String> attributeCodes, List<Integer> childIds) {
        Map<String, Integer> seen = new HashMap<>();
        for (int childId : childIds) {
            ObjectNode child = product(childId)
                    .orElseThrow(() -> CommerceException.notFound(ProductApi.NOT_FOUND));
            StringBuilder key = new StringBuilder();
            for (String code : attributeCodes) {
                String value = value(child, code)
                        .orElseThrow(() -> CommerceException.badRequest(REQUIRED_ATTRIBUTE, childId, code));
                key.append(code).append(':').append(value).append(';');
            }
            Integer twin = seen.putIfAbsent(key.toString(), childId);
            if (twin != null) {
                throw CommerceException.badRequest(SAME_VALUES, childId, twin);
            }
        }
    }

    /**
     * The option checks of a save: {@code validateNewOptionData} for the options that would be (re)created,
     * then the sandbox's own: the attribute exists and can be used, each {@code value_index} is its option,
     * no attribute twice, every link an existing product.
     */
    void checkOptions(String parentSku, Sent sent) {
        List<SentOption> options = sent.options() == null ? List.of() : sent.options();
        Set<Integer> attributeIds = new LinkedHashSet<>();
        for (SentOption option : options) {
            if (isNewOrChanged(parentSku, option)) {
                requireComplete(option);
            }
            Attribute attribute = data.attributeCatalog().byCodeOrId(option.attributeId())
                    .orElseThrow(() -> CommerceException.badRequest(SAVE_FAILED));
            requireUsable(attribute, option.values());
            if (!attributeIds.add(attribute.id())) {
                throw CommerceException.badRequest(SAVE_FAILED);
            }
        }
        for (int link : sent.links() == null ? List.<Integer>of() : sent.links()) {
            if (product(link).isEmpty()) {
                throw CommerceException.badRequest(PRODUCT_SAVE_FAILED);
            }
        }
    }

    /** {@code OptionRepository::validateNewOptionData}: one error as itself, several as "One or more…". */
    static void requireComplete(SentOption option) {
        InputErrors errors = new InputErrors();
        if (option.attributeId() == null || option.attributeId().isEmpty() || option.attributeId().equals("0")) {
            errors.add(CommerceException.badRequest("Option attribute ID is not specified."));
        }
        if (option.label() == null || option.label().isEmpty() || option.label().equals("0")) {
            errors.add(CommerceException.badRequest("Option label is not specified."));
        }
        if (!option.valuesSent()) {
            errors.add(CommerceException.badRequest("Option values are not specified."));
        }
        for (int i = 0; i < option.valuesWithoutIndex(); i++) {
            errors.add(CommerceException.badRequest("Value index is not specified for an option."));
        }
        errors.throwIfAny();
    }

    /** The sandbox's strictness: a global user-defined select, and values that are its options. */
    static void requireUsable(Attribute attribute, List<Integer> values) {
        if (!attribute.configurable()) {
            throw CommerceException.badRequest(CANNOT_USE);
        }
        for (int value : values) {
            if (attribute.option(value).isEmpty()) {
                throw CommerceException.badRequest(NO_SUCH_OPTION, attribute.code(), value);
            }
        }
    }

    private boolean isNewOrChanged(String parentSku, SentOption option) {
        Optional<Attribute> attribute = data.attributeCatalog().byCodeOrId(option.attributeId());
        return attribute.isEmpty() || data.configurableCatalog().options(parentSku).stream()
                .noneMatch(o -> o.attributeId() == attribute.get().id() && !changed(o, option));
    }

    /** {@code SaveHandler::isOptionChanged}: label or position differ (PHP's loose {@code ==}: null is "" and 0). */
    static boolean changed(ConfigurableCatalog.Option stored, SentOption sent) {
        String label = sent.label() == null ? "" : sent.label();
        int position = sent.position() == null ? 0 : sent.position();
        return !stored.label().equals(label) || stored.position() != position;
    }

    /** {@code SaveHandler::execute} for a configurable product whose checks passed. */
    void save(String parentSku, int productId, Sent sent) {
        ConfigurableCatalog catalog = data.configurableCatalog();
        if (sent.options() != null) {
            Map<Integer, SentOption> byAttribute = new LinkedHashMap<>();
            for (SentOption option : sent.options()) {
                byAttribute.put(data.attributeCatalog().byCodeOrId(option.attributeId()).orElseThrow().id(), option);
            }
            Set<Integer> kept = new LinkedHashSet<>();
            for (ConfigurableCatalog.Option stored : catalog.options(parentSku)) {
                SentOption again = byAttribute.get(stored.attributeId());
                if (again == null || changed(stored, again)) {
                    catalog.removeOption(parentSku, stored.id());
                    // OptionRepository::delete saves the parent with no children first
                    catalog.setChildren(parentSku, List.of());
                } else {
                    kept.add(stored.attributeId());
                }
            }
            byAttribute.forEach((attributeId, option) -> {
                if (!kept.contains(attributeId)) {
                    catalog.addOption(parentSku, attributeId, option.label() == null ? "" : option.label(),
                            option.position() == null ? 0 : option.position(), productId);
                }
            });
        }
        if (sent.links() != null) {
            catalog.setChildren(parentSku, new ArrayList<>(new LinkedHashSet<>(sent.links())));
        }
    }

    /**
     * {@code extension_attributes} of a configurable as {@code ReadHandler} fills them: options by position,
     * each with the distinct values its children have (in the attribute's option order), and the child ids.
     */
    void describe(String parentSku, ObjectNode extension) {
        extension.set("configurable_product_options", options(parentSku));
        ArrayNode links = extension.putArray("configurable_product_links");
        data.configurableCatalog().children(parentSku).forEach(links::add);
    }

    ArrayNode options(String parentSku) {
        List<ConfigurableCatalog.Option> stored = new ArrayList<>(data.configurableCatalog().options(parentSku));
        stored.sort(Comparator.comparingInt(ConfigurableCatalog.Option::position).thenComparingInt(ConfigurableCatalog.Option::id));
        List<ObjectNode> children = data.configurableCatalog().children(parentSku).stream()
                .map(this::product).flatMap(Optional::stream).toList();
        ArrayNode list = Json.mapper().createArrayNode();
        for (ConfigurableCatalog.Option option : stored) {
            ObjectNode node = list.addObject().put("id", option.id()).put("attribute_id", String.valueOf(option.attributeId()))
                    .put("label", option.label()).put("position", option.position());
            ArrayNode values = node.putArray("values");
            data.attributeCatalog().byCodeOrId(String.valueOf(option.attributeId())).ifPresent(attribute -> {
                for (AttributeCatalog.Option choice : attribute.options()) {
                    String id = String.valueOf(choice.id());
                    if (children.stream().anyMatch(c -> value(c, attribute.code()).filter(id::equals).isPresent())) {
                        values.addObject().put("value_index", choice.id());
                    }
                }
            });
            node.put("product_id", option.productId());
        }
        return list;
    }

    Optional<ObjectNode> product(int id) {
        return data.catalog().skuOf(id).flatMap(sku -> data.catalog().globalRow(sku));
    }

    /** {@code $child->getData($code)} as a PHP truth test: present, not empty, not "0". */
    static Optional<String> value(ObjectNode product, String code) {
        return ProductCatalog.customAttribute(product, code).filter(v -> !v.isEmpty() && !v.equals("0"));
    }
}
