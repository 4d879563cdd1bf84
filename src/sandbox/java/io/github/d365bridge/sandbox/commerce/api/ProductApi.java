package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.data.ProductCatalog;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.ground.Json;

/**
 * {@code /V1/products}: POST upserts by SKU (as Commerce's repository does), PUT updates, GET reads.
 * The store code of the URL decides where values land, see {@link ProductCatalog}; global attributes
 * (price, and the select attributes a configurable is built from) land globally whatever the store code.
 * A configurable product's {@code configurable_product_options} and {@code configurable_product_links} are
 * kept apart from the product row and answered as Commerce reads them, see {@link Configurables}.
 */
public final class ProductApi {

    static final String ACL = "Magento_Catalog::products";
    public static final String NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";
    private static final Set<String> TYPES = Set.of("simple", "configurable", "virtual", "bundle", "grouped", "downloadable");

    private final CommerceSandboxData data;
    private final Configurables configurables;

    public ProductApi(CommerceSandboxData data) {
        this.data = data;
        this.configurables = new Configurables(data);
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/products", ACL, List.of("product"), call -> save(call, null)));
        routes.add(new Route("PUT", "/V1/products/{sku}", ACL, List.of("product"), call -> save(call, call.path("sku"))));
        routes.add(new Route("GET", "/V1/products/{sku}", ACL, List.of(), call -> read(call.path("sku"), call.store().storeId())));
        routes.add(new Route("GET", "/V1/products", ACL, List.of(), this::search));
        routes.add(new Route("POST", "/V1/products/{sku}/websites", ACL, List.of("product_website_link"), this::assignWebsite));
        routes.add(new Route("DELETE", "/V1/products/{sku}/websites/{websiteId}", ACL, List.of(), this::unassignWebsite));
    }

    /**
     * {@code GET /V1/products?searchCriteria…}: a search on {@code sku} alone ({@code eq}/{@code in} filters in
     * one group) is answered from the SKU index, as MySQL would; anything else scans the catalog.
     */
    private Object search(ApiCall call) {
        io.github.d365bridge.sandbox.commerce.search.SearchRequest request =
                io.github.d365bridge.sandbox.commerce.search.SearchRequest.parse(call.query(), false);
        int storeId = call.store().storeId();
        List<String> skus = skuLookup(request);
        List<ObjectNode> rows = new ArrayList<>();
        for (String sku : skus != null ? skus : data.catalog().skus()) {
            if (data.catalog().exists(sku)) {
                rows.add(read(sku, storeId));
            }
        }
        return io.github.d365bridge.sandbox.commerce.search.SearchExecutor.search(rows, "id", request);
    }

    /** The SKUs a pure SKU search names, or null when the search is anything else. */
    private static List<String> skuLookup(io.github.d365bridge.sandbox.commerce.search.SearchRequest request) {
        var groups = request.criteria().filterGroups();
        if (groups.size() != 1) {
            return null;
        }
        List<String> skus = new ArrayList<>();
        for (var filter : groups.get(0).filters()) {
            String condition = filter.conditionType().wire();
            if (!filter.field().equals("sku") || !(condition.equals("eq") || condition.equals("in"))) {
                return null;
            }
            if (condition.equals("in")) {
                skus.addAll(List.of(filter.value().split(",")));
            } else {
                skus.add(filter.value());
            }
        }
        return skus;
    }

    /** {@code POST /V1/products/{sku}/websites} with {@code {"productWebsiteLink":{"sku","website_id"}}}. */
    private Object assignWebsite(ApiCall call) {
        String sku = call.path("sku");
        ObjectNode link = Nodes.object(call.member("product_website_link"), "productWebsiteLink");
        int websiteId = Nodes.intValue(link, "website_id", -1);
        ObjectNode product = data.catalog().globalRow(sku).orElseThrow(() -> CommerceException.notFound(NOT_FOUND));
        if (data.website(websiteId).isEmpty()) {
            throw CommerceException.badRequest("Could not assign product \"%1\" to websites \"%2\"", sku, websiteId);
        }
        ArrayNode websites = product.with("extension_attributes").withArray("website_ids");
        for (JsonNode id : websites) {
            if (id.asInt() == websiteId) {
                return Boolean.TRUE;
            }
        }
        websites.add(websiteId);
        product.put("updated_at", data.now());
        return Boolean.TRUE;
    }

    private Object unassignWebsite(ApiCall call) {
        String sku = call.path("sku");
        int websiteId = call.pathInt("websiteId");
        ObjectNode product = data.catalog().globalRow(sku).orElseThrow(() -> CommerceException.notFound(NOT_FOUND));
        ArrayNode websites = product.with("extension_attributes").withArray("website_ids");
        for (int i = websites.size() - 1; i >= 0; i--) {
            if (websites.get(i).asInt() == websiteId) {
                websites.remove(i);
            }
        }
        return Boolean.TRUE;
    }

    ObjectNode read(String sku, int storeId) {
        ObjectNode product = (storeId == 0 ? data.catalog().globalRow(sku).map(ObjectNode::deepCopy)
                : data.catalog().view(sku, storeId)).orElseThrow(() -> CommerceException.notFound(NOT_FOUND));
        if (storeId != 0) {
            // a store view reads its website's base price where one is set (catalog price scope "website")
            Double storePrice = data.basePriceMap().get(sku + "|" + storeId);
            if (storePrice != null) {
                product.put("price", storePrice);
            }
        }
        if (Configurables.TYPE.equals(product.path("type_id").asText())) {
            configurables.describe(sku, product.with("extension_attributes"));
        }
        ArrayNode links = product.putArray("product_links");
        data.productLinkMap().getOrDefault(sku, List.of()).forEach(links::add);
        product.putArray("options");
        product.putArray("media_gallery_entries");
        product.putArray("tier_prices");
        return product;
    }

    private Object save(ApiCall call, String pathSku) {
        ObjectNode input = Nodes.object(call.member("product"), "product");
        // Commerce trims the SKU when it saves a product (PHP trim): " RFI-TEST-001" is saved as "RFI-TEST-001"
        String sku = phpTrim(pathSku != null ? pathSku : Nodes.requiredText(input, "sku"));
        input.put("sku", sku);
        input.remove("id");
        int storeId = call.store().storeId();
        Configurables.Sent configurable = Configurables.Sent.take(input);
        boolean exists = data.catalog().exists(sku);
        if (Configurables.TYPE.equals(input.path("type_id").asText())) {
            configurables.checkLinks(configurable);
        }
        String type = input.hasNonNull("type_id") ? input.get("type_id").asText()
                : exists ? data.catalog().globalRow(sku).orElseThrow().path("type_id").asText() : "simple";
        boolean isConfigurable = Configurables.TYPE.equals(type);
        if (isConfigurable) {
            configurables.checkOptions(sku, configurable);
        }
        SelectValues.check(data.attributeCatalog(), input.get("custom_attributes"));
        if (!exists) {
            create(input, call);
        } else {
            update(sku, input, storeId);
        }
        if (isConfigurable) {
            configurables.save(sku, data.catalog().globalRow(sku).orElseThrow().get("id").asInt(), configurable);
        }
        return read(sku, storeId);
    }

    private void create(ObjectNode input, ApiCall call) {
        // a configurable product's price comes from its children: Commerce does not require one
        List<String> required = Configurables.TYPE.equals(input.path("type_id").asText()) ? List.of("name")
                : List.of("name", "price");
        for (String attribute : required) {
            if (!input.hasNonNull(attribute) || input.get(attribute).asText().isBlank()) {
                throw CommerceException.badRequest("The \"%1\" attribute value is empty. Set the attribute and try again.", attribute);
            }
        }
        ObjectNode product = Json.mapper().createObjectNode().put("sku", input.get("sku").asText());
        product.put("attribute_set_id", 4).put("type_id", "simple").put("status", 1).put("visibility", 4);
        product.put("created_at", data.now());
        product.setAll(input);
        validate(product);
        // without a url_key Commerce makes one of the name; either way it must be free in every store view
        String urlKey = ProductCatalog.urlKey(input).filter(k -> !k.isBlank()).map(ProductCatalog::formatUrlKey)
                .orElseGet(() -> ProductCatalog.formatUrlKey(product.path("name").asText()));
        requireFreeUrlKey(urlKey, 0, product.get("sku").asText());
        ProductCatalog.mergeCustomAttributes(product, Json.mapper().createArrayNode().add(Json.mapper().createObjectNode()
                .put("attribute_code", "url_key").put("value", urlKey)));
        ObjectNode extension = product.with("extension_attributes");
        if (!extension.has("website_ids")) {
            extension.putArray("website_ids").add(call.store().global() ? 1 : call.store().websiteId());
        }
        extension.set("stock_item", StockItems.full(extension.get("stock_item"), 0));
        product.put("updated_at", data.now());
        ObjectNode stored = data.catalog().create(product);
        data.catalog().claimUrlKey(stored.get("sku").asText(), 0, null, urlKey);
        ((ObjectNode) stored.get("extension_attributes").get("stock_item"))
                .put("item_id", stored.get("id").asInt()).put("product_id", stored.get("id").asInt());
    }

    private void update(String sku, ObjectNode input, int storeId) {
        ObjectNode global = data.catalog().globalRow(sku).orElseThrow();
        ObjectNode candidate = global.deepCopy();
        candidate.setAll(input);
        validate(candidate);
        ObjectNode target = storeId == 0 ? global : data.catalog().storeValues(sku, storeId);
        String currentKey = data.catalog().view(sku, storeId).flatMap(ProductCatalog::urlKey).orElse(null);
        String currentName = data.catalog().view(sku, storeId).map(p -> p.path("name").asText()).orElse("");
        java.util.Optional<String> sentKey = ProductCatalog.urlKey(input).filter(k -> !k.isBlank());
        // 2.4.7: a rename without a url_key regenerates the key from the new name
        String newKey = sentKey.map(ProductCatalog::formatUrlKey).orElse(input.hasNonNull("name")
                && !input.get("name").asText().equals(currentName) ? ProductCatalog.formatUrlKey(input.get("name").asText()) : null);
        if (newKey != null && !newKey.equals(currentKey)) {
            requireFreeUrlKey(newKey, storeId, sku);
            ArrayNode keyAttribute = Json.mapper().createArrayNode().add(Json.mapper().createObjectNode()
                    .put("attribute_code", "url_key").put("value", newKey));
            if (input.has("custom_attributes")) {
                ProductCatalog.mergeCustomAttributes(input, keyAttribute);
            } else {
                input.set("custom_attributes", keyAttribute);
            }
            data.catalog().claimUrlKey(sku, storeId, currentKey, newKey);
        }
        input.fields().forEachRemaining(field -> {
            String key = field.getKey();
            boolean local = ProductCatalog.STORE_VIEW_SCOPED.contains(key) || key.equals("custom_attributes");
            ObjectNode destination = local ? target : global;
            if (key.equals("custom_attributes")) {
                ArrayNode globalValues = Json.mapper().createArrayNode();
                ArrayNode localValues = Json.mapper().createArrayNode();
                field.getValue().forEach(a -> (SelectValues.global(data.attributeCatalog(), a) ? globalValues : localValues).add(a));
                ProductCatalog.mergeCustomAttributes(global, globalValues);
                ProductCatalog.mergeCustomAttributes(destination, localValues);
            } else if (key.equals("extension_attributes")) {
                mergeExtension(global, field.getValue());
            } else {
                destination.set(key, field.getValue());
            }
        });
        global.put("updated_at", data.now());
    }

    private static void mergeExtension(ObjectNode global, JsonNode incoming) {
        ObjectNode extension = global.with("extension_attributes");
        incoming.fields().forEachRemaining(field -> {
            if (field.getKey().equals("stock_item")) {
                ObjectNode stock = (ObjectNode) extension.get("stock_item");
                stock.setAll((ObjectNode) StockItems.full(field.getValue(), stock.path("item_id").asInt()));
            } else {
                extension.set(field.getKey(), field.getValue());
            }
        });
    }

    private void requireFreeUrlKey(String urlKey, int storeId, String sku) {
        if (urlKey.isEmpty()) {
            throw CommerceException.badRequest("Invalid URL key. The \"%1\" URL key can't be empty.", urlKey);
        }
        if (data.catalog().urlKeyTakenBy(urlKey, storeId, sku).isPresent()) {
            throw CommerceException.badRequest("URL key for specified store already exists.");
        }
    }

    static String phpTrim(String value) {
        String trimmed = " \t\n\r\0\u000B";
        int start = 0;
        int end = value.length();
        while (start < end && trimmed.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && trimmed.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }

    private static void validate(ObjectNode product) {
        String type = product.path("type_id").asText();
        if (!TYPES.contains(type)) {
            throw Nodes.invalidValue("type_id", type);
        }
        int status = Nodes.intValue(product, "status", 1);
        if (status != 1 && status != 2) {
            throw Nodes.invalidValue("status", status);
        }
        int visibility = Nodes.intValue(product, "visibility", 4);
        if (visibility < 1 || visibility > 4) {
            throw Nodes.invalidValue("visibility", visibility);
        }
        if (product.has("price") && Nodes.number(product, "price", 0) < 0) {
            throw Nodes.invalidValue("price", product.get("price").asText());
        }
    }
}
