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
    /** entity_id → SKU, for the APIs that name products by id (a configurable product's links). */
    private final Map<Integer, String> skuById = new java.util.HashMap<>();
    /** url_key → SKU per store id (0: the global values), as Commerce's URL rewrites index them. */
    private final Map<Integer, Map<String, String>> urlKeys = new java.util.HashMap<>();
    private final Map<String, Map<Integer, ObjectNode>> overrides = new LinkedHashMap<>();
    private int nextId = 1;

    public boolean exists(String sku) {
        return global.containsKey(sku);
    }

    /** Stores a new product; the caller has filled defaults. */
    public ObjectNode create(ObjectNode product) {
        int id = nextId++;
        product.put("id", id);
        global.put(product.get("sku").asText(), product);
        skuById.put(id, product.get("sku").asText());
        return product;
    }

    /** The SKU of the product with this entity id, as {@code ProductRepository::getById} finds it. */
    public Optional<String> skuOf(int id) {
        return Optional.ofNullable(skuById.get(id));
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

    /**
     * The SKU other than {@code sku} that already holds {@code urlKey} where {@code storeId} would use it: a
     * global key clashes with any store's key, a store view's key with that store's and the global ones.
     */
    public Optional<String> urlKeyTakenBy(String urlKey, int storeId, String sku) {
        if (storeId == 0) {
            return urlKeys.values().stream().map(keys -> keys.get(urlKey)).filter(owner -> owner != null && !owner.equals(sku))
                    .findFirst();
        }
        for (int store : new int[] {storeId, 0}) {
            String owner = urlKeys.getOrDefault(store, Map.of()).get(urlKey);
            if (owner != null && !owner.equals(sku)) {
                return Optional.of(owner);
            }
        }
        return Optional.empty();
    }

    /** Records that {@code sku} now uses {@code urlKey} in {@code storeId}, releasing the key it had there. */
    public void claimUrlKey(String sku, int storeId, String previous, String urlKey) {
        Map<String, String> keys = urlKeys.computeIfAbsent(storeId, s -> new java.util.HashMap<>());
        if (previous != null && sku.equals(keys.get(previous))) {
            keys.remove(previous);
        }
        keys.put(urlKey, sku);
    }

    /** The {@code url_key} custom attribute of a product row or input, if any. */
    public static Optional<String> urlKey(JsonNode product) {
        return customAttribute(product, "url_key");
    }

    public static Optional<String> customAttribute(JsonNode product, String code) {
        for (JsonNode attribute : product.path("custom_attributes")) {
            if (code.equals(attribute.path("attribute_code").asText())) {
                return Optional.ofNullable(attribute.path("value").isNull() ? null : attribute.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** Commerce's {@code formatUrlKey}: lower case, anything but letters and digits becomes one dash. */
    public static String formatUrlKey(String text) {
        String slug = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
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
