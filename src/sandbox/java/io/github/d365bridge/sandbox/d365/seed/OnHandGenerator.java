package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/** WarehousesOnHandV2 demo rows: each stocked item in each warehouse of each company (sites 1, 2 …, warehouses 11, 12, 21 …). */
public final class OnHandGenerator implements RowGenerator {

    private final Companies companies;
    private final ProductGenerator products;
    private final int warehouses;
    private final long seed;

    public OnHandGenerator(Companies companies, ProductGenerator products, int warehouses, long seed) {
        this.companies = companies;
        this.products = products;
        this.warehouses = warehouses;
        this.seed = seed;
    }

    @Override
    public int size() {
        return companies.size() * products.size() * warehouses;
    }

    public static String site(int warehouse) {
        return Integer.toString(warehouse / 2 + 1);
    }

    public static String warehouse(int warehouse) {
        return site(warehouse) + (warehouse % 2 + 1);
    }

    @Override
    public Map<String, Object> row(int index) {
        int perCompany = products.size() * warehouses;
        LegalEntity company = companies.get(index / perCompany);
        int product = index % perCompany / warehouses;
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
        for (String dimension : List.of("ProductColorId", "ProductConfigurationId", "ProductSizeId",
                "ProductStyleId", "ProductVersionId")) {
            row.put(dimension, "");
        }
        row.put("InventorySiteId", site(warehouse));
        row.put("InventoryWarehouseId", warehouse(warehouse));
        row.put("ProductName", products.name(product));
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

    @Override
    public int indexOf(List<Object> keyValues) {
        int company = companies.indexOf(keyValues.get(0));
        int product = ProductGenerator.parse(keyValues.get(1), products.size());
        if (company < 0 || product < 0 || !(keyValues.get(7) instanceof String site)
                || !(keyValues.get(8) instanceof String warehouse)) {
            return -1;
        }
        for (int w = 0; w < warehouses; w++) {
            if (site(w).equals(site) && warehouse(w).equals(warehouse)) {
                return (company * products.size() + product) * warehouses + w;
            }
        }
        return -1;
    }

    @Override
    public int[] companyRange(String company) {
        int index = companies.indexOf(company);
        int per = products.size() * warehouses;
        return index < 0 ? new int[] {0, 0} : new int[] {index * per, (index + 1) * per};
    }
}
