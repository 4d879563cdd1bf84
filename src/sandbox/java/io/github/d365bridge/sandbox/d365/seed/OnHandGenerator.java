package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/**
 * WarehousesOnHandV2 demo rows: each stock unit in each warehouse of each company (sites 1, 2 …, warehouses 11,
 * 12, 21 …). A stock unit is a distinct product, or one variant of a product master: D365 keeps on-hand per
 * product dimensions, so a master has rows only for its variants (colour and size set, the other dimensions
 * empty strings), never for itself. Rows come in key order: company, item, colour, configuration, size, …,
 * site, warehouse.
 */
public final class OnHandGenerator implements RowGenerator {

    private static final List<String> DIMENSIONS = List.of("ProductColorId", "ProductConfigurationId", "ProductSizeId",
            "ProductStyleId", "ProductVersionId");

    private final Companies companies;
    private final ProductGenerator products;
    private final ProductMasters masters;
    private final Offsets units;
    private final int warehouses;
    private final long seed;

    public OnHandGenerator(Companies companies, ProductGenerator products, ProductMasters masters, int warehouses,
            long seed) {
        this.companies = companies;
        this.products = products;
        this.masters = masters;
        this.units = new Offsets(products.size(), p -> products.isMaster(p) ? masters.variantCount(p) : 1);
        this.warehouses = warehouses;
        this.seed = seed;
    }

    @Override
    public int size() {
        return companies.size() * units.total() * warehouses;
    }

    public static String site(int warehouse) {
        return Integer.toString(warehouse / 2 + 1);
    }

    public static String warehouse(int warehouse) {
        return site(warehouse) + (warehouse % 2 + 1);
    }

    @Override
    public Map<String, Object> row(int index) {
        int perCompany = units.total() * warehouses;
        LegalEntity company = companies.get(index / perCompany);
        int unit = index % perCompany / warehouses;
        int product = units.ownerOf(unit);
        int warehouse = index % warehouses;
        SeedRandom r = new SeedRandom(seed, 5, index);
        boolean service = products.isService(product);
        int onHand = service ? 0 : r.nextInt(500);
        int reserved = onHand == 0 ? 0 : r.nextInt(onHand / 4 + 1);
        int ordered = service ? 0 : r.nextInt(50);
        int reservedOrdered = ordered == 0 ? 0 : r.nextInt(ordered / 2 + 1);
        int onOrder = service ? 0 : r.nextInt(30);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", company.id());
        row.put("ItemNumber", ProductGenerator.number(product));
        for (String dimension : DIMENSIONS) {
            row.put(dimension, "");
        }
        String name = products.name(product);
        if (products.isMaster(product)) {
            ProductMasters.Variant variant = masters.variants(product).get(unit - units.start(product));
            row.put("ProductColorId", variant.colour());
            row.put("ProductSizeId", variant.size());
            name = name + " - " + variant.colour() + ", " + variant.size();
        }
        row.put("InventorySiteId", site(warehouse));
        row.put("InventoryWarehouseId", warehouse(warehouse));
        row.put("ProductName", name);
        row.put("AvailableOnHandQuantity", BigDecimal.valueOf(onHand - reserved));
        row.put("OnHandQuantity", BigDecimal.valueOf(onHand));
        row.put("ReservedOnHandQuantity", BigDecimal.valueOf(reserved));
        row.put("AvailableOrderedQuantity", BigDecimal.valueOf(ordered - reservedOrdered));
        row.put("OrderedQuantity", BigDecimal.valueOf(ordered));
        row.put("ReservedOrderedQuantity", BigDecimal.valueOf(reservedOrdered));
        row.put("OnOrderQuantity", BigDecimal.valueOf(onOrder));
        row.put("TotalAvailableQuantity", BigDecimal.valueOf(onHand - reserved + ordered - reservedOrdered - onOrder));
        row.put("AreWarehouseManagementProcessesUsed", "No");
        return row;
    }

    /** Keys: dataAreaId, ItemNumber, colour, configuration, size, style, version, site, warehouse. */
    @Override
    public int indexOf(List<Object> keyValues) {
        int company = companies.indexOf(keyValues.get(0));
        int product = ProductGenerator.parse(keyValues.get(1), products.size());
        if (company < 0 || product < 0 || !(keyValues.get(7) instanceof String site)
                || !(keyValues.get(8) instanceof String warehouse)) {
            return -1;
        }
        int unit = unitOf(product, keyValues);
        if (unit < 0) {
            return -1;
        }
        for (int w = 0; w < warehouses; w++) {
            if (site(w).equals(site) && warehouse(w).equals(warehouse)) {
                return (company * units.total() + unit) * warehouses + w;
            }
        }
        return -1;
    }

    /** The stock unit the key's dimensions name: the product itself, or one of its master's variants. */
    private int unitOf(int product, List<Object> keyValues) {
        if (!"".equals(keyValues.get(3)) || !"".equals(keyValues.get(5)) || !"".equals(keyValues.get(6))) {
            return -1; // configuration, style, version: the seed's masters use colour and size only
        }
        if (!products.isMaster(product)) {
            return "".equals(keyValues.get(2)) && "".equals(keyValues.get(4)) ? units.start(product) : -1;
        }
        List<ProductMasters.Variant> variants = masters.variants(product);
        for (int k = 0; k < variants.size(); k++) {
            if (variants.get(k).colour().equalsIgnoreCase(String.valueOf(keyValues.get(2)))
                    && variants.get(k).size().equalsIgnoreCase(String.valueOf(keyValues.get(4)))) {
                return units.start(product) + k;
            }
        }
        return -1;
    }

    @Override
    public int[] companyRange(String company) {
        int index = companies.indexOf(company);
        int per = units.total() * warehouses;
        return index < 0 ? new int[] {0, 0} : new int[] {index * per, (index + 1) * per};
    }
}
