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
 * The store code of the URL decides where values land, see {@link ProductCatalog}.
 */
public final class ProductApi {

    static final String ACL = "Magento_Catalog::products";
    public static final String NOT_FOUND = "The product that was requested doesn't exist. Verify the product and try again.";
    private static final Set<String> TYPES = Set.of("simple", "configurable", "virtual", "bundle", "grouped", "downloadable");
    private static final Set<String> LINK_TYPES = Set.of("related", "upsell", "crosssell", "associated");

    private final CommerceSandboxData data;

    public ProductApi(CommerceSandboxData data) {
        this.data = data;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/products", ACL, List.of("product"), call -> save(call, null)));
        routes.add(new Route("PUT", "/V1/products/{sku}", ACL, List.of("product"), call -> save(call, call.path("sku"))));
        routes.add(new Route("GET", "/V1/products/{sku}", ACL, List.of(), call -> read(call.path("sku"), call.store().storeId())));
        routes.add(new Route("POST", "/V1/products/{sku}/links", ACL, List.of("items"), this::links));
    }

    ObjectNode read(String sku, int storeId) {
        ObjectNode product = (storeId == 0 ? data.catalog().globalRow(sku).map(ObjectNode::deepCopy)
                : data.catalog().view(sku, storeId)).orElseThrow(() -> CommerceException.notFound(NOT_FOUND));
        ArrayNode links = product.putArray("product_links");
        data.productLinkMap().getOrDefault(sku, List.of()).forEach(links::add);
        product.putArray("options");
        product.putArray("media_gallery_entries");
        product.putArray("tier_prices");
        return product;
    }

    private Object save(ApiCall call, String pathSku) {
        ObjectNode input = Nodes.object(call.member("product"), "product");
        String sku = pathSku != null ? pathSku : Nodes.requiredText(input, "sku");
        input.put("sku", sku);
        input.remove("id");
        int storeId = call.store().storeId();
        if (!data.catalog().exists(sku)) {
            create(input, call);
        } else {
            update(sku, input, storeId);
        }
        return read(sku, storeId);
    }

    private void create(ObjectNode input, ApiCall call) {
        for (String attribute : List.of("name", "price")) {
            if (!input.hasNonNull(attribute) || input.get(attribute).asText().isBlank()) {
                throw CommerceException.badRequest("The \"%1\" attribute value is empty. Set the attribute and try again.", attribute);
            }
        }
        ObjectNode product = Json.mapper().createObjectNode().put("sku", input.get("sku").asText());
        product.put("attribute_set_id", 4).put("type_id", "simple").put("status", 1).put("visibility", 4);
        product.put("created_at", data.now());
        product.setAll(input);
        validate(product);
        ObjectNode extension = product.with("extension_attributes");
        if (!extension.has("website_ids")) {
            extension.putArray("website_ids").add(call.store().global() ? 1 : call.store().websiteId());
        }
        extension.set("stock_item", StockItems.full(extension.get("stock_item"), 0));
        product.put("updated_at", data.now());
        ObjectNode stored = data.catalog().create(product);
        ((ObjectNode) stored.get("extension_attributes").get("stock_item"))
                .put("item_id", stored.get("id").asInt()).put("product_id", stored.get("id").asInt());
    }

    private void update(String sku, ObjectNode input, int storeId) {
        ObjectNode global = data.catalog().globalRow(sku).orElseThrow();
        ObjectNode candidate = global.deepCopy();
        candidate.setAll(input);
        validate(candidate);
        ObjectNode target = storeId == 0 ? global : data.catalog().storeValues(sku, storeId);
        input.fields().forEachRemaining(field -> {
            String key = field.getKey();
            boolean local = ProductCatalog.STORE_VIEW_SCOPED.contains(key) || key.equals("custom_attributes");
            ObjectNode destination = local ? target : global;
            if (key.equals("custom_attributes")) {
                ProductCatalog.mergeCustomAttributes(destination, field.getValue());
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

    private Object links(ApiCall call) {
        String sku = call.path("sku");
        if (!data.catalog().exists(sku)) {
            throw CommerceException.notFound(NOT_FOUND);
        }
        JsonNode items = call.member("items");
        List<ObjectNode> accepted = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode link = Nodes.object(item, "items");
            String type = Nodes.requiredText(link, "link_type");
            if (!LINK_TYPES.contains(type)) {
                throw CommerceException.badRequest("The \"%1\" link type is unknown. Verify the type and try again.", type);
            }
            String linked = Nodes.requiredText(link, "linked_product_sku");
            ObjectNode target = data.catalog().globalRow(linked).orElseThrow(() -> CommerceException.notFound(NOT_FOUND));
            link.put("sku", sku).put("linked_product_type", target.path("type_id").asText("simple"));
            link.put("position", Nodes.intValue(link, "position", 0));
            accepted.add(link);
        }
        List<ObjectNode> existing = data.productLinkMap().computeIfAbsent(sku, s -> new ArrayList<>());
        for (ObjectNode link : accepted) {
            existing.removeIf(old -> old.path("link_type").asText().equals(link.path("link_type").asText())
                    && old.path("linked_product_sku").asText().equals(link.path("linked_product_sku").asText()));
            existing.add(link);
        }
        return Boolean.TRUE;
    }
}
