package io.github.d365bridge.sandbox.commerce.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.ground.Json;

/**
 * The bulk price routes. Their defining trait: HTTP 200 whatever happens, {@code []} when every row
 * was saved, otherwise one {@code {message,parameters}} per refused row while the valid rows are
 * saved. Parameters are a list in the order of the message's placeholders, as the contract types
 * them ({@code string[]}).
 */
public final class PriceApi {

    static final String ACL = "Magento_Catalog::products";
    static final String ROW = " Row ID: SKU = %SKU, Website ID: %websiteId, Customer Group: %customerGroup, Quantity: %qty.";
    static final String NO_PRODUCT = "Requested product doesn't exist." + ROW;
    static final String NO_GROUP = "No such entity with Customer Group = %customerGroup. Row ID: SKU = %SKU, Website ID: %websiteId, Quantity: %qty.";
    static final String INVALID = "Invalid attribute %fieldName = %fieldValue." + ROW;
    static final String INJECTED = "Could not save Prices." + ROW;
    static final String BASE_INVALID = "Invalid attribute %fieldName = %fieldValue.";
    static final String BASE_NO_STORE = "Requested store is not found. Row ID: SKU = %SKU, Store ID: %storeId.";
    /** The product types {@code BasePriceStorage} accepts (di.xml); others have no price of their own. */
    static final Set<String> OWN_PRICE_TYPES = Set.of("simple", "virtual", "bundle", "downloadable");
    static final String DUPLICATE = "We found a duplicate website, tier price, customer group and quantity: Customer Group"
            + " = %customerGroup, Website ID = %websiteId, Quantity = %qty." + ROW;

    private final CommerceSandboxData data;
    private final SandboxFaults faults;

    public PriceApi(CommerceSandboxData data, SandboxFaults faults) {
        this.data = data;
        this.faults = faults;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/products/tier-prices", ACL, List.of("prices"), call -> tier(call, Mode.UPSERT)));
        routes.add(new Route("PUT", "/V1/products/tier-prices", ACL, List.of("prices"), call -> tier(call, Mode.REPLACE)));
        routes.add(new Route("POST", "/V1/products/tier-prices-delete", ACL, List.of("prices"), call -> tier(call, Mode.DELETE)));
        routes.add(new Route("POST", "/V1/products/base-prices", ACL, List.of("prices"), this::basePrices));
        routes.add(new Route("POST", "/V1/products/base-prices-information", ACL, List.of("skus"), this::basePriceRows));
    }

    private enum Mode { UPSERT, REPLACE, DELETE }

    private Object tier(ApiCall call, Mode mode) {
        ArrayNode failures = Json.mapper().createArrayNode();
        List<ObjectNode> valid = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode input : call.member("prices")) {
            ObjectNode row = Nodes.object(input, "prices");
            ObjectNode failure = check(row);
            if (failure == null && mode != Mode.DELETE && !seen.add(key(row))) {
                failure = failure(DUPLICATE, row.path("customer_group").asText(), row.path("website_id").asText(),
                        row.path("quantity").asText(), row.path("sku").asText(), row.path("website_id").asText(),
                        row.path("customer_group").asText(), row.path("quantity").asText());
            }
            if (failure != null) {
                failures.add(failure);
            } else {
                valid.add(row);
            }
        }
        List<ObjectNode> rows = data.tierPriceRows();
        // one pass over the stored rows: a replace drops every row of the SKUs sent, any mode the rows of the same
        // key (a row per key and call, duplicates were refused above), so a call costs the rows stored, not their
        // product with the rows sent
        Set<String> skus = new LinkedHashSet<>();
        Set<String> keys = new java.util.HashSet<>();
        for (ObjectNode row : valid) {
            skus.add(row.get("sku").asText());
            keys.add(key(row));
        }
        rows.removeIf(r -> mode == Mode.REPLACE && skus.contains(r.get("sku").asText()) || keys.contains(key(r)));
        if (mode != Mode.DELETE) {
            rows.addAll(valid);
        }
        return failures;
    }

    /** @return the failure entry for a refused row, null for a valid one */
    private ObjectNode check(ObjectNode row) {
        String sku = row.path("sku").asText();
        String website = row.path("website_id").asText();
        String group = row.path("customer_group").asText();
        String qty = row.path("quantity").asText();
        if (faults.tierPriceRowFails(sku)) {
            return failure(INJECTED, sku, website, group, qty);
        }
        if (!data.catalog().exists(sku)) {
            return failure(NO_PRODUCT, sku, website, group, qty);
        }
        if (!group.equalsIgnoreCase("ALL GROUPS")
                && CommerceSandboxData.CUSTOMER_GROUPS.values().stream().noneMatch(g -> g.equalsIgnoreCase(group))) {
            return failure(NO_GROUP, group, sku, website, qty);
        }
        String type = row.path("price_type").asText();
        if (!type.equals("fixed") && !type.equals("discount")) {
            return failure(INVALID, "Price Type", type, sku, website, group, qty);
        }
        double price = row.path("price").asDouble(-1);
        if (!row.path("price").isNumber() || price < 0 || type.equals("discount") && price > 100) {
            return failure(INVALID, "Price", row.path("price").asText(), sku, website, group, qty);
        }
        if (!row.path("quantity").isNumber() || row.path("quantity").asDouble() <= 0) {
            return failure(INVALID, "Quantity", qty, sku, website, group, qty);
        }
        int websiteId = row.path("website_id").asInt(-1);
        if (!row.path("website_id").canConvertToInt() || websiteId != 0
                && data.options().websites().stream().noneMatch(w -> w.id() == websiteId)) {
            return failure(INVALID, "Website Id", website, sku, website, group, qty);
        }
        // a price on a website the product is not assigned to is refused like an unknown website
        if (websiteId != 0 && !assigned(sku, websiteId)) {
            return failure(INVALID, "Website Id", website, sku, website, group, qty);
        }
        return null;
    }

    private boolean assigned(String sku, int websiteId) {
        for (JsonNode id : data.catalog().globalRow(sku).orElseThrow().path("extension_attributes").path("website_ids")) {
            if (id.asInt() == websiteId) {
                return true;
            }
        }
        return false;
    }

    private static String key(ObjectNode row) {
        return row.get("sku").asText() + "|" + row.get("website_id").asInt() + "|"
                + row.get("customer_group").asText().toLowerCase() + "|" + row.get("quantity").asDouble();
    }

    private static ObjectNode failure(String message, String... parameters) {
        ObjectNode failure = Json.mapper().createObjectNode().put("message", message);
        ArrayNode list = failure.putArray("parameters");
        for (String p : parameters) {
            list.add(p);
        }
        return failure;
    }

    /**
     * {@code BasePriceStorage::update}: each row is checked on its own (a row can fail more than once), the valid
     * ones are saved. A SKU must name a product with a price of its own (simple, virtual, bundle, downloadable:
     * a configurable SKU fails like an unknown one). Store 0 is the global price; a store view's price, with
     * price scope website ({@link CommerceSandboxOptions.Builder#priceScopeWebsite}), is saved for every store
     * view of its website, and with scope global lands in store 0.
     */
    private Object basePrices(ApiCall call) {
        ArrayNode failures = Json.mapper().createArrayNode();
        for (JsonNode input : call.member("prices")) {
            ObjectNode row = Nodes.object(input, "prices");
            String sku = row.path("sku").asText();
            String store = row.path("store_id").asText();
            int failed = failures.size();
            if (sku.isEmpty() || !hasOwnPrice(sku)) {
                failures.add(failure(BASE_INVALID, "SKU", sku));
            }
            Double price = row.hasNonNull("price") ? Nodes.number(row, "price", 0) : null;
            if (price == null || price < 0) {
                failures.add(failure(BASE_INVALID, "Price", row.path("price").asText()));
            }
            int storeId = row.path("store_id").canConvertToInt() ? row.path("store_id").asInt() : -1;
            if (storeId != 0 && data.storeView(storeId).isEmpty()) {
                failures.add(failure(BASE_NO_STORE, sku, store));
            }
            if (failures.size() == failed) {
                saveBasePrice(sku, storeId, price);
            }
        }
        return failures;
    }

    private void saveBasePrice(String sku, int storeId, double price) {
        if (storeId == 0 || !data.options().priceScopeWebsite()) {
            data.catalog().globalRow(sku).orElseThrow().put("price", price).put("updated_at", data.now());
            return;
        }
        int website = data.storeView(storeId).orElseThrow().websiteId();
        data.storeViewsOf(website).forEach(view -> data.basePriceMap().put(sku + "|" + view.id(), price));
    }

    private boolean hasOwnPrice(String sku) {
        return data.catalog().globalRow(sku).map(p -> OWN_PRICE_TYPES.contains(p.path("type_id").asText())).orElse(false);
    }

    /**
     * {@code BasePriceStorage::get}: one row per stored price (store 0, then each store view that has one) of the
     * SKUs that name a product with a price of its own; the others are left out, not reported (2.4 filters the
     * list instead of failing as the method's documentation says).
     */
    private Object basePriceRows(ApiCall call) {
        ArrayNode rows = Json.mapper().createArrayNode();
        Set<String> skus = new LinkedHashSet<>();
        call.member("skus").forEach(s -> skus.add(s.asText()));
        for (String sku : skus) {
            if (!hasOwnPrice(sku)) {
                continue;
            }
            ObjectNode product = data.catalog().globalRow(sku).orElseThrow();
            if (product.path("price").isNumber()) {
                rows.addObject().put("price", product.get("price").asDouble()).put("store_id", 0).put("sku", sku);
            }
            for (var view : data.options().storeViews()) {
                Double price = data.basePriceMap().get(sku + "|" + view.id());
                if (price != null) {
                    rows.addObject().put("price", price).put("store_id", view.id()).put("sku", sku);
                }
            }
        }
        return rows;
    }
}
