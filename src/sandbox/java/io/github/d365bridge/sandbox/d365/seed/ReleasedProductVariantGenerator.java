package io.github.d365bridge.sandbox.d365.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/**
 * ReleasedProductVariantsV2 demo rows: every variant of every seeded master in every legal entity (each
 * master is released everywhere), company by company, master by master, in key order. Dimensions a master's
 * group does not use (configuration, style, version) are empty strings, as D365 sends them.
 */
public final class ReleasedProductVariantGenerator implements RowGenerator {

    private final Companies companies;
    private final ProductGenerator products;
    private final ProductMasters masters;

    public ReleasedProductVariantGenerator(Companies companies, ProductGenerator products, ProductMasters masters) {
        this.companies = companies;
        this.products = products;
        this.masters = masters;
    }

    @Override
    public int size() {
        return companies.size() * masters.variantsPerCompany();
    }

    @Override
    public Map<String, Object> row(int index) {
        int per = masters.variantsPerCompany();
        LegalEntity company = companies.get(index / per);
        ProductMasters.Variant variant = masters.variantAt(index % per);
        String number = ProductGenerator.number(variant.product());
        return row(company.id(), number, products.name(variant.product()),
                ProductMasters.variantNumber(number, variant.number()), "", variant.colour(), variant.size(), "", "");
    }

    /**
     * A variant row as the seed and the control endpoints build it. The name follows a common variant
     * nomenclature (master name, colour, size); the search name stays the master's, as D365 copies it.
     */
    public static Map<String, Object> row(String company, String masterNumber, String masterName,
            String variantNumber, String configuration, String colour, String size, String style, String version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", company);
        row.put("ItemNumber", masterNumber);
        row.put("ProductConfigurationId", configuration);
        row.put("ProductColorId", colour);
        row.put("ProductSizeId", size);
        row.put("ProductStyleId", style);
        row.put("ProductVersionId", version);
        row.put("ProductMasterNumber", masterNumber);
        row.put("ProductVariantNumber", variantNumber);
        String dimensions = String.join(", ", List.of(configuration, colour, size, style, version).stream()
                .filter(d -> !d.isEmpty()).toList());
        row.put("ProductName", dimensions.isEmpty() ? masterName : masterName + " - " + dimensions);
        row.put("ProductSearchName", ProductGenerator.searchName(masterName));
        row.put("ProductDescription", masterName + ", sandbox demo product" + (dimensions.isEmpty() ? ""
                : " in " + dimensions));
        return row;
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        int company = companies.indexOf(keyValues.get(0));
        int product = ProductGenerator.parse(keyValues.get(1), products.size());
        int ordinal = product < 0 ? -1 : masters.ordinalOf(product);
        if (company < 0 || ordinal < 0 || !isEmpty(keyValues.get(2)) || !isEmpty(keyValues.get(5))
                || !isEmpty(keyValues.get(6))) {
            return -1;
        }
        List<ProductMasters.Variant> variants = masters.variants(product);
        for (int k = 0; k < variants.size(); k++) {
            ProductMasters.Variant v = variants.get(k);
            if (v.colour().equalsIgnoreCase(String.valueOf(keyValues.get(3)))
                    && v.size().equalsIgnoreCase(String.valueOf(keyValues.get(4)))) {
                return company * masters.variantsPerCompany() + masters.positionOf(ordinal, k);
            }
        }
        return -1;
    }

    private static boolean isEmpty(Object value) {
        return "".equals(value);
    }

    @Override
    public int[] companyRange(String company) {
        int index = companies.indexOf(company);
        int per = masters.variantsPerCompany();
        return index < 0 ? new int[] {0, 0} : new int[] {index * per, (index + 1) * per};
    }
}
