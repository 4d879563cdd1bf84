package io.github.d365bridge.sandbox.commerce.data;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceDates;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;

/**
 * The sandbox store's state, for handlers and for tests that seed or inspect it directly. Every
 * method that reads or changes rows synchronises on this object, the same lock the HTTP handlers
 * and the bulk consumer hold, so a test never sees half an invoice. Rows returned are copies.
 */
public final class CommerceSandboxData {

    /** Commerce's stock customer groups: tier prices name them, customers and orders carry the id. */
    public static final Map<Integer, String> CUSTOMER_GROUPS = Map.of(
            0, "NOT LOGGED IN", 1, "General", 2, "Wholesale", 3, "Retailer");

    final EntityTable customers = new EntityTable("id");
    final EntityTable companies = new EntityTable("id");
    final EntityTable orders = new EntityTable("entity_id");
    final EntityTable invoices = new EntityTable("entity_id");
    final EntityTable shipments = new EntityTable("entity_id");
    final EntityTable tracks = new EntityTable("entity_id");
    final ProductCatalog products = new ProductCatalog();
    final List<ObjectNode> tierPrices = new ArrayList<>();
    final Map<String, Double> basePrices = new LinkedHashMap<>();
    final Map<String, ObjectNode> sourceItems = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> productLinks = new LinkedHashMap<>();
    final Set<String> sources = new LinkedHashSet<>(List.of("default", "wh-east", "wh-west"));
    private final CommerceSandboxOptions options;
    private final Clock clock;
    private int nextOrderItemId = 1;

    public CommerceSandboxData(CommerceSandboxOptions options) {
        this.options = options;
        this.clock = options.clock();
    }

    public CommerceSandboxOptions options() {
        return options;
    }

    /** Now as Commerce writes dates: UTC {@code YYYY-MM-DD HH:MM:SS}. */
    public String now() {
        return CommerceDates.format(clock.instant());
    }

    public Optional<CommerceSandboxOptions.StoreView> storeView(int storeId) {
        return options.storeViews().stream().filter(s -> s.id() == storeId).findFirst();
    }

    public synchronized int nextOrderItemId() {
        return nextOrderItemId++;
    }

    // ---- tables, for the API handlers (same package family, lock held by the caller) ----

    public EntityTable customerTable() { return customers; }
    public EntityTable companyTable() { return companies; }
    public EntityTable orderTable() { return orders; }
    public EntityTable invoiceTable() { return invoices; }
    public EntityTable shipmentTable() { return shipments; }
    public EntityTable trackTable() { return tracks; }
    public ProductCatalog catalog() { return products; }
    public List<ObjectNode> tierPriceRows() { return tierPrices; }
    public Map<String, Double> basePriceMap() { return basePrices; }
    public Map<String, ObjectNode> sourceItemMap() { return sourceItems; }
    public Map<String, List<ObjectNode>> productLinkMap() { return productLinks; }
    public Set<String> sourceCodes() { return sources; }

    // ---- inspection for tests: copies taken under the lock ----

    public synchronized Optional<ObjectNode> customer(int id) {
        return customers.get(id).map(ObjectNode::deepCopy);
    }

    public synchronized List<ObjectNode> customers() {
        return copies(customers.all());
    }

    public synchronized Optional<ObjectNode> company(int id) {
        return companies.get(id).map(ObjectNode::deepCopy);
    }

    /** The product as seen through a store code ({@code all} for the global values). */
    public synchronized Optional<ObjectNode> product(String sku, String storeCode) {
        int storeId = "all".equals(storeCode) ? 0 : options.storeViews().stream()
                .filter(s -> s.code().equals(storeCode)).findFirst().orElseThrow().id();
        return storeId == 0 ? products.globalRow(sku).map(ObjectNode::deepCopy) : products.view(sku, storeId);
    }

    public synchronized List<String> skus() {
        return products.skus();
    }

    public synchronized List<ObjectNode> tierPrices(String sku) {
        return copies(tierPrices.stream().filter(p -> p.path("sku").asText().equals(sku)).toList());
    }

    public synchronized Optional<Double> basePrice(String sku, int storeId) {
        return Optional.ofNullable(basePrices.get(sku + "|" + storeId));
    }

    public synchronized Optional<ObjectNode> sourceItem(String sku, String sourceCode) {
        return Optional.ofNullable(sourceItems.get(sku + "|" + sourceCode)).map(ObjectNode::deepCopy);
    }

    public synchronized List<ObjectNode> productLinks(String sku) {
        return copies(productLinks.getOrDefault(sku, List.of()));
    }

    public synchronized Optional<ObjectNode> order(int id) {
        return orders.get(id).map(ObjectNode::deepCopy);
    }

    public synchronized List<ObjectNode> orders() {
        return copies(orders.all());
    }

    public synchronized List<ObjectNode> invoices() {
        return copies(invoices.all());
    }

    public synchronized List<ObjectNode> shipments() {
        return copies(shipments.all());
    }

    private static List<ObjectNode> copies(List<ObjectNode> rows) {
        return rows.stream().map(ObjectNode::deepCopy).toList();
    }
}
