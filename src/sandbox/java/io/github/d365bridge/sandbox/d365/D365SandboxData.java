package io.github.d365bridge.sandbox.d365;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.github.d365bridge.sandbox.d365.model.EntityCatalog;
import io.github.d365bridge.sandbox.d365.seed.Companies;
import io.github.d365bridge.sandbox.d365.seed.ContactPersonGenerator;
import io.github.d365bridge.sandbox.d365.seed.CustomerChanges;
import io.github.d365bridge.sandbox.d365.seed.CustomerGenerator;
import io.github.d365bridge.sandbox.d365.seed.OnHandChanges;
import io.github.d365bridge.sandbox.d365.seed.OnHandGenerator;
import io.github.d365bridge.sandbox.d365.seed.PriceAgreementGenerator;
import io.github.d365bridge.sandbox.d365.seed.ProductChanges;
import io.github.d365bridge.sandbox.d365.seed.ProductGenerator;
import io.github.d365bridge.sandbox.d365.seed.ProductMasters;
import io.github.d365bridge.sandbox.d365.seed.ProductRelationGenerator;
import io.github.d365bridge.sandbox.d365.seed.ProductTranslationGenerator;
import io.github.d365bridge.sandbox.d365.seed.RelationChanges;
import io.github.d365bridge.sandbox.d365.seed.ReleasedProductGenerator;
import io.github.d365bridge.sandbox.d365.seed.ReleasedProductVariantGenerator;
import io.github.d365bridge.sandbox.d365.seed.VariantChanges;
import io.github.d365bridge.sandbox.d365.store.EntityTable;
import io.github.d365bridge.sandbox.d365.store.NumberSequences;

/**
 * The sandbox's rows, shared by OData, DMF and the business events. Tests use it to seed and to
 * inspect; values are typed as {@link io.github.d365bridge.sandbox.d365.model.FieldKind} says
 * (BigDecimal for decimals, LocalDate for date-only fields, null for an empty date).
 */
public final class D365SandboxData {

    private final Companies companies;
    private final ProductGenerator products;
    private final Map<String, EntityTable> tables = new LinkedHashMap<>();
    private final NumberSequences sequences = new NumberSequences();
    private final int customersPerCompany;
    private final CustomerChanges customerChanges;
    private final ProductChanges productChanges;
    private final OnHandChanges onHandChanges;
    private final VariantChanges variantChanges;
    private final RelationChanges relationChanges;

    public D365SandboxData(D365SandboxOptions options) {
        SeedSizes sizes = options.seedSizes();
        this.companies = new Companies(options.legalEntities());
        this.products = new ProductGenerator(sizes.products(), options.seed(), sizes.masterEvery());
        ProductMasters masters = new ProductMasters(products, options.seed(), sizes.minVariants(), sizes.maxVariants());
        this.customersPerCompany = sizes.customersPerCompany();
        CustomerGenerator customers = new CustomerGenerator(companies, sizes.customersPerCompany(), options.seed());
        EntityTable customerTable = new EntityTable(EntityCatalog.CUSTOMERS, customers, CustomerGenerator.SHAPE);
        add(customerTable);
        add(new EntityTable(EntityCatalog.CONTACT_PERSONS, new ContactPersonGenerator(customers, options.seed()),
                ContactPersonGenerator.SHAPE));
        this.customerChanges = new CustomerChanges(customerTable, customers, this::nextCustomerAccount,
                this::nextPartyNumber);
        EntityTable productTable = new EntityTable(EntityCatalog.PRODUCTS, products);
        add(productTable);
        this.productChanges = new ProductChanges(productTable);
        add(new EntityTable(EntityCatalog.PRODUCT_TRANSLATIONS, new ProductTranslationGenerator(products)));
        EntityTable releasedTable = new EntityTable(EntityCatalog.RELEASED_PRODUCTS,
                new ReleasedProductGenerator(companies, products, options.seed()));
        add(releasedTable);
        EntityTable variantTable = new EntityTable(EntityCatalog.RELEASED_PRODUCT_VARIANTS,
                new ReleasedProductVariantGenerator(companies, products, masters));
        add(variantTable);
        this.variantChanges = new VariantChanges(companies, products, masters, releasedTable, productTable,
                variantTable);
        EntityTable relationTable = new EntityTable(EntityCatalog.PRODUCT_RELATIONS,
                new ProductRelationGenerator(products, sizes.relatedEvery(), options.seed()));
        add(relationTable);
        this.relationChanges = new RelationChanges(productTable, relationTable);
        add(new EntityTable(EntityCatalog.PRICE_AGREEMENTS,
                new PriceAgreementGenerator(companies, products, sizes.priceBreaksPerItem(), masters)));
        EntityTable onHandTable = new EntityTable(EntityCatalog.ON_HAND,
                new OnHandGenerator(companies, products, masters, sizes.warehousesPerCompany(), options.seed()));
        add(onHandTable);
        this.onHandChanges = new OnHandChanges(onHandTable);
        add(new EntityTable(EntityCatalog.SALES_ORDER_HEADERS, null));
        EntityTable lines = new EntityTable(EntityCatalog.SALES_ORDER_LINES, null);
        add(lines);
        tables.put(EntityCatalog.SALES_ORDER_LINES_V1.setName(), lines); // V1 and V3 are views of the same lines
        add(new EntityTable(EntityCatalog.SALES_INVOICE_HEADERS, null));
    }

    private void add(EntityTable table) {
        tables.put(table.schema().setName(), table);
    }

    /** The table behind an entity set name, or null. */
    public EntityTable table(String setName) {
        return tables.get(setName);
    }

    public Companies companies() {
        return companies;
    }

    public NumberSequences sequences() {
        return sequences;
    }

    /** Row by key values in the schema's key order, e.g. {@code find("CustomersV3", "usmf", "US-000001")}. */
    public Optional<Map<String, Object>> find(String setName, Object... keyValues) {
        return requireTable(setName).find(List.of(keyValues));
    }

    /** Adds a row as given (no number sequences, no defaults): for tests that need special rows. */
    public void insert(String setName, Map<String, Object> row) {
        requireTable(setName).insert(row);
    }

    /** Every row of a set matching the predicate, in scan order; mind the size of seeded sets. */
    public List<Map<String, Object>> rows(String setName, Predicate<Map<String, Object>> filter) {
        EntityTable table = requireTable(setName);
        List<Map<String, Object>> found = new ArrayList<>();
        int size = table.scanSize();
        for (int i = 0; i < size; i++) {
            Map<String, Object> row = table.rowAt(i);
            if (row != null && filter.test(row)) {
                found.add(row);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** Next free customer account of a company, after the seeded ones. */
    public String nextCustomerAccount(String company) {
        long number = sequences.nextNumber("customer", company, customersPerCompany + 1L);
        return CustomerGenerator.account(companies.byId(company), (int) number);
    }

    /** Next party number (DirParty's one global sequence), after the seeded parties. */
    public long nextPartyNumber() {
        return sequences.nextNumber("party", "", 900_000_000L);
    }

    /**
     * Change simulation for tests and benchmarks: change, delete and add customers deterministically,
     * each call answering exactly which records it touched (also {@code /_sandbox/customers/...}).
     */
    public CustomerChanges customerChanges() {
        return customerChanges;
    }

    /** Product renames for benchmarks (also {@code POST /_sandbox/products/rename}). */
    public OnHandChanges onHandChanges() {
        return onHandChanges;
    }

    public ProductChanges productChanges() {
        return productChanges;
    }

    /** Variants added or removed at run time (also {@code POST /_sandbox/variants/add|remove}). */
    public VariantChanges variantChanges() {
        return variantChanges;
    }

    /** Product relations added or removed at run time (also {@code POST /_sandbox/relations/add|remove}). */
    public RelationChanges relationChanges() {
        return relationChanges;
    }

    /** Forgets every change: seeded rows come back, created rows go. */
    public void reset() {
        tables.values().stream().distinct().forEach(EntityTable::reset);
        customerChanges.clear();
    }

    private EntityTable requireTable(String setName) {
        EntityTable table = tables.get(setName);
        if (table == null) {
            List<String> names = new ArrayList<>(tables.keySet());
            throw new IllegalArgumentException("no entity set '" + setName + "'; the sandbox serves " + names);
        }
        return table;
    }
}
