package io.github.d365bridge.sandbox.d365;

/**
 * How much demo data each legal entity gets. Rows of the seeded sets are computed from their index,
 * never stored, so a size of 100,000 or more costs no memory.
 *
 * @param customersPerCompany   CustomersV3 rows per legal entity
 * @param products              ProductsV2 rows (shared); each is released in every legal entity
 * @param priceBreaksPerItem    SalesPriceAgreements rows (quantity breaks) per released product
 * @param warehousesPerCompany  WarehousesOnHandV2 rows per released product
 */
public record SeedSizes(int customersPerCompany, int products, int priceBreaksPerItem, int warehousesPerCompany) {

    public static final SeedSizes DEFAULT = new SeedSizes(50, 100, 3, 2);

    public SeedSizes {
        if (customersPerCompany < 0 || products < 1 || priceBreaksPerItem < 0 || warehousesPerCompany < 0
                || warehousesPerCompany > 9) {
            throw new IllegalArgumentException("seed sizes out of range: customers >= 0, products >= 1,"
                    + " price breaks >= 0, warehouses 0..9");
        }
    }
}
