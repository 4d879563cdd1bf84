package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.RequiredFields;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.ground.Json;

/**
 * {@code /V1/products/{sku}/links}: related, cross-sell, up-sell and grouped ("associated") links, as 2.4's
 * {@code ProductLink\Management} and {@code ProductLink\Repository} keep them. POST adds the items to the
 * product's links (an item for a product already linked with that type replaces it); PUT saves one link of
 * the product its {@code entity.sku} names, which is the one Commerce uses (the path's SKU is not read). Links
 * are answered grouped by type in Commerce's type order, then by position.
 */
public final class ProductLinkApi {

    /** {@code LinkTypeProvider::getLinkTypes}, in its order. */
    static final List<String> TYPES = List.of("related", "crosssell", "upsell", "associated");
    static final String UNKNOWN_TYPE = "The \"%1\" link type is unknown. Verify the type and try again.";
    static final String TYPE_NOT_FOUND = "The \"%1\" link type wasn't found. Verify the type and try again.";
    static final String INVALID_LINKS = "The linked products data is invalid. Verify the data and try again.";
    static final String INVALID_LINK = "Invalid data provided for linked products";
    static final String NOT_LINKED = "Product %1 doesn't have linked %2 as %3";
    /** What the contract requires of {@code entity}; Commerce fails later or not at all without them. */
    static final RequiredFields ENTITY_REQUIRED = RequiredFields.of("entity.sku", "entity.link_type",
            "entity.linked_product_sku", "entity.linked_product_type", "entity.position");

    private final CommerceSandboxData data;

    public ProductLinkApi(CommerceSandboxData data) {
        this.data = data;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/products/{sku}/links", ProductApi.ACL, List.of("items"), this::add));
        routes.add(new Route("PUT", "/V1/products/{sku}/links", ProductApi.ACL, List.of("entity"), this::saveOne));
        routes.add(new Route("GET", "/V1/products/{sku}/links/{type}", ProductApi.ACL, List.of(),
                call -> ofType(call.path("sku"), call.path("type"))));
        routes.add(new Route("DELETE", "/V1/products/{sku}/links/{type}/{linkedProductSku}", ProductApi.ACL, List.of(),
                this::delete));
    }

    /** {@code Management::setProductLinks}: types checked first, then the product, then every linked SKU. */
    private Object add(ApiCall call) {
        String sku = call.path("sku");
        JsonNode items = call.member("items");
        if (!items.isArray() || items.isEmpty()) {
            throw Nodes.invalidValue("items", "empty array");
        }
        List<ObjectNode> links = new ArrayList<>();
        for (JsonNode item : items) {
            ObjectNode link = Nodes.object(item, "items");
            String type = Nodes.text(link, "link_type");
            if (type == null || type.isEmpty()) {
                throw Nodes.required("linkType");
            }
            if (!TYPES.contains(type)) {
                throw CommerceException.notFound(TYPE_NOT_FOUND, type);
            }
            links.add(link);
        }
        requireProduct(sku);
        List<ObjectNode> accepted = new ArrayList<>();
        for (ObjectNode link : links) {
            String linked = Nodes.text(link, "linked_product_sku");
            if (linked == null || !data.catalog().exists(linked)) {
                // the product save fails on the unknown SKU and Management turns any failure into this one
                throw CommerceException.badRequest(INVALID_LINKS);
            }
            accepted.add(stored(sku, link));
        }
        accepted.forEach(link -> upsert(sku, link));
        return Boolean.TRUE;
    }

    /** {@code Repository::save}: the linked product, then the product, must exist; an unknown type fails the save. */
    private Object saveOne(ApiCall call) {
        ENTITY_REQUIRED.check(call.body());
        ObjectNode entity = Nodes.object(call.member("entity"), "entity");
        requireProduct(entity.get("linked_product_sku").asText());
        String sku = entity.get("sku").asText();
        requireProduct(sku);
        if (!TYPES.contains(entity.get("link_type").asText())) {
            throw CommerceException.badRequest(INVALID_LINK);
        }
        upsert(sku, stored(sku, entity));
        return Boolean.TRUE;
    }

    /** {@code Management::getLinkedItemsByType}: the type is checked before the product. */
    private List<ObjectNode> ofType(String sku, String type) {
        if (!TYPES.contains(type)) {
            throw CommerceException.notFound(UNKNOWN_TYPE, type);
        }
        requireProduct(sku);
        return data.productLinkMap().getOrDefault(sku, List.of()).stream()
                .filter(l -> l.path("link_type").asText().equals(type)).toList();
    }

    /** {@code Repository::deleteById}. */
    private Object delete(ApiCall call) {
        String sku = call.path("sku");
        String type = call.path("type");
        String linked = call.path("linkedProductSku");
        boolean found = ofType(sku, type).stream().anyMatch(l -> l.path("linked_product_sku").asText().equals(linked));
        if (!found) {
            throw CommerceException.notFound(NOT_LINKED, sku, linked, type);
        }
        data.productLinkMap().get(sku).removeIf(l -> l.path("link_type").asText().equals(type)
                && l.path("linked_product_sku").asText().equals(linked));
        return Boolean.TRUE;
    }

    private void requireProduct(String sku) {
        if (!data.catalog().exists(sku)) {
            throw CommerceException.notFound(ProductApi.NOT_FOUND);
        }
    }

    /** The link as Commerce answers it: the linked product's real type, position 0 unless sent. */
    private ObjectNode stored(String sku, ObjectNode link) {
        String linked = link.get("linked_product_sku").asText();
        ObjectNode stored = Json.mapper().createObjectNode().put("sku", sku).put("link_type", link.get("link_type").asText())
                .put("linked_product_sku", linked).put("linked_product_type",
                        data.catalog().globalRow(linked).orElseThrow().path("type_id").asText("simple"))
                .put("position", Nodes.intValue(link, "position", 0));
        JsonNode extension = link.get("extension_attributes");
        if (extension != null && extension.has("qty")) {
            stored.putObject("extension_attributes").put("qty", Nodes.number(extension, "qty", 0));
        }
        return stored;
    }

    private void upsert(String sku, ObjectNode link) {
        List<ObjectNode> links = data.productLinkMap().computeIfAbsent(sku, s -> new ArrayList<>());
        links.removeIf(old -> old.path("link_type").asText().equals(link.path("link_type").asText())
                && old.path("linked_product_sku").asText().equals(link.path("linked_product_sku").asText()));
        links.add(link);
        links.sort(Comparator.<ObjectNode>comparingInt(l -> TYPES.indexOf(l.path("link_type").asText()))
                .thenComparingInt(l -> l.path("position").asInt()));
    }
}
