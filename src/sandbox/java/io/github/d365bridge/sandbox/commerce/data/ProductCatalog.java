package io.github.d365bridge.sandbox.commerce.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Products with Commerce's scope rule: a product row holds the global (store 0) values, and each
 * store view may hold its own values for store-view-scoped attributes. Writes through
 * {@code /rest/<store view>} land as that view's values, writes through {@code /rest/all} as global
 * ones; reads through a store view see its values over the global ones. This is what makes a
 * "renamed in all stores" write through {@code /rest/default} silently stay store-local.
 */
public final class ProductCatalog {

    /** Attributes whose scope is the store view in a stock install (price and sku are global). */
    public static final Set<String> STORE_VIEW_SCOPED = Set.of("name", "status", "visibility");

    private final Map<String, ObjectNode> global = new LinkedHashMap<>();
    private final Map<String, Map<Integer, ObjectNode>> overrides = new LinkedHashMap<>();
    private int nextId = 1;

    public boolean exists(String sku) {
        return global.containsKey(sku);
    }

    /** Stores a new product; the caller has filled defaults. */
    public ObjectNode create(ObjectNode product) {
        product.put("id", nextId++);
        global.put(product.get("sku").asText(), product);
        return product;
    }

    public Optional<ObjectNode> globalRow(String sku) {
        return Optional.ofNullable(global.get(sku));
    }

    /** Store-view values over global ones; custom attributes merged by code. */
    public Optional<ObjectNode> view(String sku, int storeId) {
        ObjectNode base = global.get(sku);
        if (base == null) {
            return Optional.empty();
        }
        ObjectNode result = base.deepCopy();
        ObjectNode local = overrides.getOrDefault(sku, Map.of()).get(storeId);
        if (local != null) {
            local.fields().forEachRemaining(field -> {
                if (field.getKey().equals("custom_attributes")) {
                    mergeCustomAttributes(result, field.getValue());
                } else {
                    result.set(field.getKey(), field.getValue().deepCopy());
                }
            });
        }
        return Optional.of(result);
    }

    /** The values a store view holds of its own (empty when it has none). */
    public ObjectNode storeValues(String sku, int storeId) {
        return overrides.computeIfAbsent(sku, s -> new LinkedHashMap<>())
                .computeIfAbsent(storeId, s -> io.github.d365bridge.ground.Json.mapper().createObjectNode());
    }

    public List<String> skus() {
        return new ArrayList<>(global.keySet());
    }

    public static void mergeCustomAttributes(ObjectNode target, JsonNode incoming) {
        ArrayNode merged = target.has("custom_attributes") && target.get("custom_attributes").isArray()
                ? (ArrayNode) target.get("custom_attributes") : target.putArray("custom_attributes");
        for (JsonNode attribute : incoming) {
            String code = attribute.path("attribute_code").asText();
            boolean replaced = false;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).path("attribute_code").asText().equals(code)) {
                    merged.set(i, attribute.deepCopy());
                    replaced = true;
                }
            }
            if (!replaced) {
                merged.add(attribute.deepCopy());
            }
        }
    }
}
