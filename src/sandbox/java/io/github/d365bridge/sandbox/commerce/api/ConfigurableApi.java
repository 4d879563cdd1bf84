package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.AttributeCatalog.Attribute;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.data.ConfigurableCatalog;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Responses;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.ground.Json;

/**
 * {@code /V1/configurable-products/{sku}/…}: children ({@code LinkManagement}) and options
 * ({@code OptionRepository}) of a configurable product, with 2.4's messages. Registered as ordinary routes, so
 * async bulk reaches them as {@code /async/bulk/V1/configurable-products/bySku/child} with elements
 * {@code {"sku","childSku"}}.
 */
public final class ConfigurableApi {

    static final String ALREADY_ATTACHED = "The product is already attached.";
    static final String NO_OPTIONS = "The parent product doesn't have configurable product options.";
    static final String CHILD_LACKS_VALUE =
            "The child product doesn't have the \"%1\" attribute value. Verify the value and try again.";
    static final String NOT_CONFIGURABLE = "The product with the \"%1\" SKU isn't a configurable product.";
    static final String NOT_A_CHILD = "The option that was requested doesn't exist. Verify the entity and try again.";
    static final String ONLY_CONFIGURABLE = "This is implemented for the \"%1\" configurable product only.";
    static final String OPTION_NOT_FOUND = "Option with id \"%1\" not found";

    private final CommerceSandboxData data;
    private final ProductApi products;
    private final Configurables configurables;

    public ConfigurableApi(CommerceSandboxData data, ProductApi products) {
        this.data = data;
        this.products = products;
        this.configurables = new Configurables(data);
    }

    public void register(RouteTable routes) {
        String base = "/V1/configurable-products/{sku}";
        routes.add(new Route("POST", base + "/child", ProductApi.ACL, List.of("child_sku"), this::addChild));
        routes.add(new Route("GET", base + "/children", ProductApi.ACL, List.of(), this::children));
        routes.add(new Route("DELETE", base + "/children/{childSku}", ProductApi.ACL, List.of(), this::removeChild));
        routes.add(new Route("GET", base + "/options/all", ProductApi.ACL, List.of(), this::options));
        routes.add(new Route("POST", base + "/options", ProductApi.ACL, List.of("option"), this::saveOption));
    }

    private ObjectNode product(String sku) {
        return data.catalog().globalRow(sku).orElseThrow(() -> CommerceException.notFound(ProductApi.NOT_FOUND));
    }

    /** {@code OptionRepository::getProduct}: the product, which must be configurable. */
    private ObjectNode configurable(String sku) {
        ObjectNode product = product(sku);
        if (!Configurables.TYPE.equals(product.path("type_id").asText())) {
            throw CommerceException.badRequest(ONLY_CONFIGURABLE, sku);
        }
        return product;
    }

    /**
     * {@code LinkManagement::addChild}. Any option of the attribute will do as the child's value: Commerce checks
     * only that the child has one (and the product save that no other child has the same set), and the parent's
     * option values then grow by it, since they are read from the children. The options are saved again the
     * way Commerce rebuilds them, labelled with the attribute's own label: an option labelled otherwise ("color"
     * for Color) is deleted and recreated with a new id.
     */
    private Object addChild(ApiCall call) {
        String sku = call.path("sku");
        ObjectNode parent = product(sku);
        String childSku = Nodes.requiredText(call.body(), "child_sku");
        ObjectNode child = product(childSku);
        int childId = child.get("id").asInt();
        List<Integer> children = new ArrayList<>(data.configurableCatalog().children(sku));
        if (children.contains(childId)) {
            throw CommerceException.badRequest(ALREADY_ATTACHED);
        }
        List<ConfigurableCatalog.Option> options = data.configurableCatalog().options(sku);
        if (options.isEmpty()) {
            throw CommerceException.badRequest(NO_OPTIONS);
        }
        List<String> codes = new ArrayList<>();
        List<Configurables.SentOption> rebuilt = new ArrayList<>();
        for (ConfigurableCatalog.Option option : options) {
            Attribute attribute = data.attributeCatalog().byCodeOrId(String.valueOf(option.attributeId())).orElseThrow();
            if (Configurables.value(child, attribute.code()).isEmpty()) {
                throw CommerceException.badRequest(CHILD_LACKS_VALUE, attribute.code());
            }
            codes.add(attribute.code());
            rebuilt.add(new Configurables.SentOption(null, String.valueOf(attribute.id()), attribute.label(),
                    option.position(), List.of(), true, 0));
        }
        children.add(childId);
        configurables.checkChildren(codes, children);
        configurables.save(sku, parent.get("id").asInt(), new Configurables.Sent(rebuilt, children));
        parent.put("updated_at", data.now());
        return Boolean.TRUE;
    }

    /** {@code LinkManagement::removeChild}: the child goes; the remaining ones are checked as a save does. */
    private Object removeChild(ApiCall call) {
        String sku = call.path("sku");
        ObjectNode parent = product(sku);
        if (!Configurables.TYPE.equals(parent.path("type_id").asText())) {
            throw CommerceException.badRequest(NOT_CONFIGURABLE, sku);
        }
        String childSku = call.path("childSku");
        List<Integer> remaining = new ArrayList<>();
        for (int id : data.configurableCatalog().children(sku)) {
            if (!data.catalog().skuOf(id).map(childSku::equals).orElse(false)) {
                remaining.add(id);
            }
        }
        if (remaining.size() == data.configurableCatalog().children(sku).size()) {
            throw CommerceException.notFound(NOT_A_CHILD);
        }
        List<String> codes = data.configurableCatalog().options(sku).stream()
                .map(o -> data.attributeCatalog().byCodeOrId(String.valueOf(o.attributeId())).orElseThrow().code()).toList();
        configurables.checkChildren(codes, remaining);
        data.configurableCatalog().setChildren(sku, remaining);
        parent.put("updated_at", data.now());
        return Boolean.TRUE;
    }

    /** {@code OptionRepository::getList}: the options with their values, for a configurable product only. */
    private Object options(ApiCall call) {
        configurable(call.path("sku"));
        return configurables.options(call.path("sku"));
    }

    /** {@code LinkManagement::getChildren}: the children as products; none for a product that is not configurable. */
    private Object children(ApiCall call) {
        String sku = call.path("sku");
        ObjectNode parent = product(sku);
        ArrayNode list = Json.mapper().createArrayNode();
        if (!Configurables.TYPE.equals(parent.path("type_id").asText())) {
            return list;
        }
        for (int id : data.configurableCatalog().children(sku)) {
            data.catalog().skuOf(id).ifPresent(child -> list.add(products.read(child, call.store().storeId())));
        }
        return list;
    }

    /**
     * {@code OptionRepository::save} of 2.4 (since 2.3.3): with an {@code id}, updates that option of the
     * product; without, an option for an attribute the product already has updates that option and answers
     * its id (no error), another one is added. A simple or virtual product becomes configurable; other types
     * fail as Commerce does (an InvalidArgumentException, so the generic 500).
     */
    private Object saveOption(ApiCall call) {
        String sku = call.path("sku");
        ObjectNode body = Nodes.object(call.member("option"), "option");
        Configurables.SentOption sent = Configurables.SentOption.of(body);
        if (sent.id() != null) {
            ObjectNode parent = configurable(sku);
            ConfigurableCatalog.Option stored = data.configurableCatalog().options(sku).stream()
                    .filter(o -> o.id() == sent.id()).findFirst()
                    .orElseThrow(() -> CommerceException.notFound(OPTION_NOT_FOUND, sent.id()));
            update(sku, stored, sent);
            parent.put("updated_at", data.now());
            return stored.id();
        }
        ObjectNode product = product(sku);
        Configurables.requireComplete(sent);
        String type = product.path("type_id").asText();
        if (!List.of("simple", "virtual", Configurables.TYPE).contains(type)) {
            throw Responses.internalError();
        }
        Attribute attribute = data.attributeCatalog().byCodeOrId(sent.attributeId())
                .orElseThrow(() -> CommerceException.badRequest(Configurables.SAVE_FAILED));
        Configurables.requireUsable(attribute, sent.values());
        product.put("type_id", Configurables.TYPE).put("updated_at", data.now());
        for (ConfigurableCatalog.Option stored : data.configurableCatalog().options(sku)) {
            if (stored.attributeId() == attribute.id()) {
                update(sku, stored, sent);
                return stored.id();
            }
        }
        return data.configurableCatalog().addOption(sku, attribute.id(), sent.label(),
                sent.position() == null ? 0 : sent.position(), product.get("id").asInt()).id();
    }

    /** Label and position replaced where sent, the rest kept ({@code array_replace_recursive}). */
    private void update(String sku, ConfigurableCatalog.Option stored, Configurables.SentOption sent) {
        data.configurableCatalog().updateOption(sku, new ConfigurableCatalog.Option(stored.id(), stored.attributeId(),
                sent.label() != null ? sent.label() : stored.label(),
                sent.position() != null ? sent.position() : stored.position(), stored.productId()));
    }
}
