package io.github.d365bridge.sandbox.d365.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

import io.github.d365bridge.sandbox.d365.store.DuplicateKeyException;
import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Adds and removes released product variants at run time, for tests of a variant sync (also
 * {@code POST /_sandbox/variants/add|remove}). A variant can only belong to a released product master, and
 * must set the dimensions its master's group uses (colour and size for {@code ColorSize}). A variant is a
 * shared product: released in a second company it keeps its {@code ProductVariantNumber}; a new one gets the
 * master's next number. Changes are ordinary table changes, so a reset forgets them.
 */
public final class VariantChanges {

    /** A variant's product dimension ids; null means empty, as D365 has no null ids. */
    public record Dimensions(String configuration, String colour, String size, String style, String version) {

        public Dimensions {
            configuration = Objects.requireNonNullElse(configuration, "");
            colour = Objects.requireNonNullElse(colour, "");
            size = Objects.requireNonNullElse(size, "");
            style = Objects.requireNonNullElse(style, "");
            version = Objects.requireNonNullElse(version, "");
        }

        public boolean isEmpty() {
            return (configuration + colour + size + style + version).isEmpty();
        }

        List<Object> key(String company, String item) {
            return List.of(company, item, configuration, colour, size, style, version);
        }

        boolean sameAs(Dimensions other) {
            return configuration.equalsIgnoreCase(other.configuration) && colour.equalsIgnoreCase(other.colour)
                    && size.equalsIgnoreCase(other.size) && style.equalsIgnoreCase(other.style)
                    && version.equalsIgnoreCase(other.version);
        }

        boolean matches(Map<String, Object> row) {
            return configuration.equalsIgnoreCase(String.valueOf(row.get("ProductConfigurationId")))
                    && colour.equalsIgnoreCase(String.valueOf(row.get("ProductColorId")))
                    && size.equalsIgnoreCase(String.valueOf(row.get("ProductSizeId")))
                    && style.equalsIgnoreCase(String.valueOf(row.get("ProductStyleId")))
                    && version.equalsIgnoreCase(String.valueOf(row.get("ProductVersionId")));
        }
    }

    private final Companies companies;
    private final ProductGenerator products;
    private final ProductMasters masters;
    private final EntityTable released;
    private final EntityTable shared;
    private final EntityTable variants;

    public VariantChanges(Companies companies, ProductGenerator products, ProductMasters masters,
            EntityTable released, EntityTable shared, EntityTable variants) {
        this.companies = companies;
        this.products = products;
        this.masters = masters;
        this.released = released;
        this.shared = shared;
        this.variants = variants;
    }

    /**
     * Releases a variant of master {@code item} in {@code company}, or (null) in every company the master is
     * released in and the variant is not yet; answers the rows created.
     *
     * @throws NoSuchElementException   when the item is not released where asked
     * @throws IllegalArgumentException when it is no product master or the dimensions do not fit its group
     * @throws DuplicateKeyException    when the variant exists already everywhere asked
     */
    public synchronized List<Map<String, Object>> add(String company, String item, Dimensions dimensions) {
        List<Map<String, Object>> masterRows = releasedMasters(company, item);
        for (Map<String, Object> master : masterRows) {
            check(master, dimensions);
        }
        String variantNumber = null;
        List<Map<String, Object>> added = new ArrayList<>();
        for (Map<String, Object> master : masterRows) {
            String areaId = (String) master.get("dataAreaId");
            if (variants.find(dimensions.key(areaId, item)).isPresent()) {
                continue;
            }
            if (variantNumber == null) {
                variantNumber = variantNumber(item, dimensions);
            }
            String masterNumber = (String) master.get("ProductNumber");
            String name = shared.find(List.of(masterNumber)).map(p -> (String) p.get("ProductName")).orElse(masterNumber);
            Map<String, Object> row = ReleasedProductVariantGenerator.row(areaId, (String) master.get("ItemNumber"),
                    name, variantNumber, dimensions.configuration(), dimensions.colour(), dimensions.size(),
                    dimensions.style(), dimensions.version());
            row.put("ProductMasterNumber", masterNumber);
            variants.insert(row);
            added.add(row);
        }
        if (added.isEmpty()) {
            throw new DuplicateKeyException("The variant " + dimensions + " of " + item + " already exists.");
        }
        return added;
    }

    /**
     * Removes a variant from {@code company}, or (null) from every company; answers the rows removed.
     *
     * @throws NoSuchElementException when there was no such variant
     */
    public synchronized List<Map<String, Object>> remove(String company, String item, Dimensions dimensions) {
        List<Map<String, Object>> removed = new ArrayList<>();
        for (String areaId : companyIds(company)) {
            List<Object> key = dimensions.key(areaId, item);
            variants.find(key).ifPresent(row -> {
                variants.delete(key);
                removed.add(row);
            });
        }
        if (removed.isEmpty()) {
            throw new NoSuchElementException("No variant " + dimensions + " of item '" + item + "'"
                    + (company == null ? "" : " in " + company) + ".");
        }
        return removed;
    }

    private List<Map<String, Object>> releasedMasters(String company, String item) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (String areaId : companyIds(company)) {
            released.find(List.of(areaId, item)).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            throw new NoSuchElementException("Item '" + item + "' is not released"
                    + (company == null ? " in any legal entity." : " in " + company + "."));
        }
        return found;
    }

    private List<String> companyIds(String company) {
        if (company == null) {
            return companies.all().stream().map(LegalEntity::id).toList();
        }
        if (companies.indexOf(company) < 0) {
            throw new IllegalArgumentException("'" + company + "' is not a legal entity of the sandbox.");
        }
        return List.of(company.toLowerCase(Locale.ROOT));
    }

    private static void check(Map<String, Object> master, Dimensions dimensions) {
        if (!"ProductMaster".equals(master.get("ProductSubType"))) {
            throw new IllegalArgumentException("Item '" + master.get("ItemNumber") + "' in " + master.get("dataAreaId")
                    + " is no product master (ProductSubType " + master.get("ProductSubType") + "): only masters"
                    + " have variants.");
        }
        boolean colourSize = ProductGenerator.MASTER_DIMENSION_GROUP.equals(master.get("ProductDimensionGroupName"));
        if (colourSize ? dimensions.colour().isEmpty() || dimensions.size().isEmpty() : dimensions.isEmpty()) {
            throw new IllegalArgumentException("The dimension group " + master.get("ProductDimensionGroupName")
                    + " of item '" + master.get("ItemNumber") + "' needs " + (colourSize
                            ? "ProductColorId and ProductSizeId" : "at least one product dimension id") + ".");
        }
    }

    /** The number the shared variant has (seeded or released elsewhere), else the master's next one. */
    private String variantNumber(String item, Dimensions dimensions) {
        int product = ProductGenerator.parse(item, products.size());
        int highest = 0;
        if (product >= 0 && masters.ordinalOf(product) >= 0 && item.equalsIgnoreCase(ProductGenerator.number(product))) {
            for (ProductMasters.Variant v : masters.variants(product)) {
                if (dimensions.sameAs(new Dimensions("", v.colour(), v.size(), "", ""))) {
                    return ProductMasters.variantNumber(ProductGenerator.number(product), v.number());
                }
                highest = Math.max(highest, v.number());
            }
        }
        for (int i = variants.seedSize(); i < variants.scanSize(); i++) {
            Map<String, Object> row = variants.rowAt(i);
            if (row == null || !item.equalsIgnoreCase((String) row.get("ItemNumber"))) {
                continue;
            }
            String number = (String) row.get("ProductVariantNumber");
            if (dimensions.matches(row)) {
                return number;
            }
            highest = Math.max(highest, suffix(number));
        }
        return ProductMasters.variantNumber(item, highest + 1);
    }

    private static int suffix(String variantNumber) {
        try {
            return Integer.parseInt(variantNumber.substring(variantNumber.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
