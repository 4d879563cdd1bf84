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

    /** Indexed for the look-ups Commerce answers from a database index: e-mail per website, company e-mail. */
    final CompactTable customers = new CompactTable("id", Set.of("email", "website_id"));
    final CompactTable companies = new CompactTable("id", Set.of("company_email", "super_user_id"));
    final CompactTable credits = new CompactTable("id", Set.of("company_id"));
    final EntityTable orders = new EntityTable("entity_id");
    final EntityTable invoices = new EntityTable("entity_id");
    final EntityTable shipments = new EntityTable("entity_id");
    final EntityTable tracks = new EntityTable("entity_id");
    final ProductCatalog products = new ProductCatalog();
    final AttributeCatalog attributes = new AttributeCatalog();
    final ConfigurableCatalog configurables = new ConfigurableCatalog();
    final List<ObjectNode> tierPrices = new ArrayList<>();
    /** Store-view base prices by {@code sku|storeId}; the global (store 0) price is the product row's {@code price}. */
    final Map<String, Double> basePrices = new LinkedHashMap<>();
    final Map<String, ObjectNode> sourceItems = new LinkedHashMap<>();
    private final Reservations reservations = new Reservations();
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

    public Optional<CommerceSandboxOptions.Website> website(int websiteId) {
        return options.websites().stream().filter(w -> w.id() == websiteId).findFirst();
    }

    /** Store views of a website, its default (the first) first. */
    public List<CommerceSandboxOptions.StoreView> storeViewsOf(int websiteId) {
        return options.storeViews().stream().filter(s -> s.websiteId() == websiteId).toList();
    }

    public boolean customerGroupExists(int groupId) {
        return CUSTOMER_GROUPS.containsKey(groupId);
    }

    /** Admin users are numbered 1… in the order the options list them (user 1 is the default sales rep). */
    public boolean adminUserExists(int userId) {
        return userId >= 1 && userId <= options.adminUsers().size();
    }

    /** Currencies a company credit may use: those of the store views (base currencies of the websites). */
    public Set<String> currencies() {
        Set<String> codes = new LinkedHashSet<>();
        options.storeViews().forEach(s -> codes.add(s.currency()));
        return codes;
    }

    public synchronized int nextOrderItemId() {
        return nextOrderItemId++;
    }

    // ---- tables, for the API handlers (same package family, lock held by the caller) ----

    public CompactTable customerTable() { return customers; }
    public CompactTable companyTable() { return companies; }
    public CompactTable creditTable() { return credits; }
    public EntityTable orderTable() { return orders; }
    public EntityTable invoiceTable() { return invoices; }
    public EntityTable shipmentTable() { return shipments; }
    public EntityTable trackTable() { return tracks; }
    public ProductCatalog catalog() { return products; }
    public AttributeCatalog attributeCatalog() { return attributes; }
    public ConfigurableCatalog configurableCatalog() { return configurables; }
    public List<ObjectNode> tierPriceRows() { return tierPrices; }
    public Map<String, Double> basePriceMap() { return basePrices; }
    public Map<String, ObjectNode> sourceItemMap() { return sourceItems; }

    /** The default stock's reservations: orders placed and not yet shipped. */
    public Reservations reservations() { return reservations; }

    /**
     * {@code GetProductSalableQtyInterface} for the default stock (every source): the quantity of the SKU's in-stock
     * source items less what orders have reserved of it.
     */
    public synchronized double salableQuantity(String sku) {
        double onSources = 0;
        for (String source : sources) {
            ObjectNode item = sourceItems.get(sku + "|" + source);
            if (item != null && item.path("status").asInt() == 1) {
                onSources += item.path("quantity").asDouble();
            }
        }
        return onSources - reservations.reserved(sku);
    }
    public Map<String, List<ObjectNode>> productLinkMap() { return productLinks; }
    public Set<String> sourceCodes() { return sources; }

    // ---- inspection for tests: copies taken under the lock ----

    public synchronized Optional<ObjectNode> customer(int id) {
        return customers.get(id);
    }

    /** Every customer: a full copy, meant for small stores; large ones use {@link #customerByEmail}. */
    public synchronized List<ObjectNode> customers() {
        return customers.all();
    }

    /** The customer of a website with this e-mail (case-insensitive, as Commerce compares it). */
    public synchronized Optional<ObjectNode> customerByEmail(String email, int websiteId) {
        for (int id : customers.idsWhere("email", email)) {
            Optional<ObjectNode> row = customers.get(id);
            if (row.isPresent() && row.get().path("website_id").asInt() == websiteId) {
                return row;
            }
        }
        return Optional.empty();
    }

    public synchronized int customerCount() {
        return customers.size();
    }

    public synchronized Optional<ObjectNode> company(int id) {
        return companies.get(id);
    }

    public synchronized Optional<ObjectNode> companyByEmail(String email) {
        int[] ids = companies.idsWhere("company_email", email);
        return ids.length == 0 ? Optional.empty() : companies.get(ids[0]);
    }

    public synchronized int companyCount() {
        return companies.size();
    }

    /** The company credit record, as {@code GET /V1/companyCredits/company/{companyId}} reads it. */
    public synchronized Optional<ObjectNode> creditOfCompany(int companyId) {
        int[] ids = credits.idsWhere("company_id", String.valueOf(companyId));
        return ids.length == 0 ? Optional.empty() : credits.get(ids[0]);
    }

    /**
     * Writes companies straight into the store, without the B2B rules, as {@link #seedCustomers} does for
     * customers: each gets an id, its credit record, and its {@code super_user_id} (which must name a
     * seeded customer) becomes its member. Returns the ids in order.
     */
    public synchronized int[] seedCompanies(List<ObjectNode> rows) {
        int[] ids = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode row = rows.get(i).deepCopy();
            int admin = row.path("super_user_id").asInt();
            if (!customers.exists(admin)) {
                throw new IllegalArgumentException("company " + i + ": super_user_id " + admin + " is no customer");
            }
            row.put("status", row.path("status").asInt(1)).put("reject_reason", "").put("rejected_at", "");
            int id = companies.insert(row);
            credits.insert(io.github.d365bridge.sandbox.commerce.api.CompanyCreditApi.newCredit(this, id));
            customers.update(admin, c -> c.with("extension_attributes").with("company_attributes")
                    .put("customer_id", admin).put("company_id", id).put("status", 1));
            ids[i] = id;
        }
        return ids;
    }

    /**
     * Writes customers straight into the store, without the API's rules, for benchmarks that need a
     * large existing customer base: each row gets an id, {@code addresses: []} unless it has some, and
     * the timestamps Commerce would set. Returns the ids in order.
     */
    public synchronized int[] seedCustomers(List<ObjectNode> rows) {
        int[] ids = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode row = rows.get(i).deepCopy();
            if (!row.has("addresses")) {
                row.putArray("addresses");
            }
            row.put("created_at", row.path("created_at").asText(now())).put("updated_at", now());
            ids[i] = customers.insert(row);
        }
        return ids;
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

    /** The base price of a store view, or for store 0 the global price; empty when none is set. */
    public synchronized Optional<Double> basePrice(String sku, int storeId) {
        if (storeId == 0) {
            return products.globalRow(sku).filter(p -> p.path("price").isNumber()).map(p -> p.get("price").asDouble());
        }
        return Optional.ofNullable(basePrices.get(sku + "|" + storeId));
    }

    /**
     * The option ids of a select attribute by admin label, e.g. {@code {"Black": 49, …}} for {@code color};
     * empty when there is no such attribute.
     */
    public synchronized Map<String, Integer> attributeOptions(String attributeCode) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        attributes.byCode(attributeCode).ifPresent(a -> a.options().forEach(o -> ids.put(o.label(), o.id())));
        return ids;
    }

    /**
     * Adds an option to a select attribute without the API's checks (for tests that need one the seed lacks)
     * and returns its id.
     */
    public synchronized int addAttributeOption(String attributeCode, String label) {
        AttributeCatalog.Attribute attribute = attributes.byCode(attributeCode)
                .orElseThrow(() -> new IllegalArgumentException("no attribute " + attributeCode));
        return attributes.addOption(attribute, label, 0, false, Map.of()).id();
    }

    /** The SKUs of a configurable product's children, in link order. */
    public synchronized List<String> configurableChildren(String parentSku) {
        return configurables.children(parentSku).stream().map(id -> products.skuOf(id).orElse("#" + id)).toList();
    }

    /** A configurable product's options as stored (attribute id, label, position, option id). */
    public synchronized List<ConfigurableCatalog.Option> configurableOptions(String parentSku) {
        return configurables.options(parentSku);
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
