package io.github.d365bridge.flow.catalog;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.client.commerce.catalog.AttributeClient;
import io.github.d365bridge.client.commerce.catalog.ProductAttribute;
import io.github.d365bridge.ground.BridgeException;

/**
 * The option ids of D365 dimension values in Commerce's select attributes, for one page of the catalog: each
 * attribute is read once (when the page has a master or a variant to write), a value it lacks is added as an
 * option. Labels match as Commerce's database compares them (case-insensitive, so D365's {@code blue} reuses
 * an option {@code Blue}). An option added by a try whose answer was lost is found by reading again.
 */
final class AttributeOptions {

    /** Why a value has no option id: the record waits for the next run (Commerce must be fixed first). */
    static final class Unresolved extends RuntimeException {
        Unresolved(String message) {
            super(message, null, false, false);
        }
    }

    private final AttributeClient attributes;
    private final Map<String, ProductAttribute> read = new HashMap<>();
    private final Map<String, Map<String, String>> ids = new HashMap<>();
    private int created;

    AttributeOptions(AttributeClient attributes) {
        this.attributes = attributes;
    }

    long attributeId(String code) {
        return attribute(code).attributeId();
    }

    /**
     * The label a configurable product's option carries: the attribute's own. Commerce relabels the options so
     * when it links a child, and a save with another label would replace the option, unlinking every child.
     */
    String label(String code) {
        ProductAttribute attribute = attribute(code);
        return attribute.defaultFrontendLabel() == null || attribute.defaultFrontendLabel().isBlank() ? code
                : attribute.defaultFrontendLabel();
    }

    String optionId(String code, String label) {
        attribute(code);
        String id = ids.get(code).get(normal(label));
        if (id != null) {
            return id;
        }
        try {
            Optional<String> added = attributes.addOption(code, label);
            if (added.isPresent()) {
                ids.get(code).put(normal(label), added.get());
                created++;
                return added.get();
            }
        } catch (BridgeException e) {
            // already there (added by a try whose answer was lost, or by someone else since the read): read again
            reread(code);
            String found = ids.get(code).get(normal(label));
            if (found != null) {
                return found;
            }
            throw new Unresolved("option '" + label + "' could not be added to attribute " + code + ": " + e.getMessage());
        }
        reread(code);
        String found = ids.get(code).get(normal(label));
        if (found == null) {
            throw new Unresolved("option '" + label + "' was added to attribute " + code + " but Commerce does not list it");
        }
        created++;
        return found;
    }

    /** Options this page added to Commerce. */
    int created() {
        return created;
    }

    private ProductAttribute attribute(String code) {
        ProductAttribute attribute = read.get(code);
        if (attribute == null) {
            attribute = reread(code);
        }
        return attribute;
    }

    private ProductAttribute reread(String code) {
        ProductAttribute attribute = attributes.get(code).orElseThrow(() -> new Unresolved("Commerce has no product"
                + " attribute '" + code + "' (catalogSync.variantAttributes names it): create it as a dropdown attribute"
                + " of the attribute set, or map the dimension to another attribute"));
        if (!attribute.hasOptions() || attribute.attributeId() == null) {
            throw new Unresolved("Commerce attribute '" + code + "' is a " + attribute.frontendInput() + " attribute; a"
                    + " configurable product's option needs a dropdown (select) attribute");
        }
        Map<String, String> byLabel = new HashMap<>();
        for (ProductAttribute.Option option : attribute.options()) {
            if (option.value() != null && !option.value().isBlank() && option.label() != null) {
                byLabel.putIfAbsent(normal(option.label()), option.value());
            }
        }
        read.put(code, attribute);
        ids.put(code, byLabel);
        return attribute;
    }

    private static String normal(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
