package io.github.d365bridge.sandbox.d365;

/**
 * How much demo data each legal entity gets. Rows of the seeded sets are computed from their index,
 * never stored, so a size of 100,000 or more costs no memory.
 *
 * <p>Product masters, their variants and product relations are off unless asked for
 * ({@link #DEFAULT_WITH_VARIANTS}, {@link #withVariants}, {@link #withRelations}): the four-number
 * constructor and {@link #DEFAULT} give distinct products only, exactly the data the sandbox always had.
 *
 * @param customersPerCompany   CustomersV3 rows per legal entity
 * @param products              ProductsV2 rows (shared); each is released in every legal entity
 * @param priceBreaksPerItem    SalesPriceAgreements rows (quantity breaks) per released product
 * @param warehousesPerCompany  WarehousesOnHandV2 rows per released product
 * @param masterEvery           every n-th product (counted by index, services and product 0 never) is a product
 *                              master with variants instead of a distinct product; 0: none
 * @param minVariants           fewest ReleasedProductVariantsV2 rows per master and legal entity
 * @param maxVariants           most of them (at most {@link #MAX_VARIANTS}: 8 colours × 4 sizes)
 * @param relatedEvery          every n-th product has 1–3 ProductRelations to other products; 0: none
 */
public record SeedSizes(int customersPerCompany, int products, int priceBreaksPerItem, int warehousesPerCompany,
        int masterEvery, int minVariants, int maxVariants, int relatedEvery) {

    /** Colours × sizes the seed draws variants from. */
    public static final int MAX_VARIANTS = 32;

    public static final SeedSizes DEFAULT = new SeedSizes(50, 100, 3, 2);

    /**
     * {@link #DEFAULT} with a realistic assortment: every 5th product a colour × size master with 4–9 variants,
     * every 4th product with related products (see {@link #withRealisticVariants()}).
     */
    public static final SeedSizes DEFAULT_WITH_VARIANTS = DEFAULT.withRealisticVariants();

    public SeedSizes {
        if (customersPerCompany < 0 || products < 1 || priceBreaksPerItem < 0 || warehousesPerCompany < 0
                || warehousesPerCompany > 9) {
            throw new IllegalArgumentException("seed sizes out of range: customers >= 0, products >= 1,"
                    + " price breaks >= 0, warehouses 0..9");
        }
        if (masterEvery < 0 || relatedEvery < 0 || minVariants < 0 || minVariants > maxVariants
                || maxVariants > MAX_VARIANTS || (masterEvery > 0 && minVariants < 1)) {
            throw new IllegalArgumentException("variant sizes out of range: masterEvery >= 0, relatedEvery >= 0,"
                    + " 1 <= minVariants <= maxVariants <= " + MAX_VARIANTS + " when masters are on, was masterEvery="
                    + masterEvery + " variants " + minVariants + ".." + maxVariants + " relatedEvery=" + relatedEvery);
        }
    }

    /** Distinct products only, no relations: what the sandbox seeded before it knew variants. */
    public SeedSizes(int customersPerCompany, int products, int priceBreaksPerItem, int warehousesPerCompany) {
        this(customersPerCompany, products, priceBreaksPerItem, warehousesPerCompany, 0, 0, 0, 0);
    }

    /** The same sizes with every {@code masterEvery}-th product a master of {@code min..max} variants (0: none). */
    public SeedSizes withVariants(int masterEvery, int min, int max) {
        return new SeedSizes(customersPerCompany, products, priceBreaksPerItem, warehousesPerCompany, masterEvery,
                masterEvery == 0 ? 0 : min, masterEvery == 0 ? 0 : max, relatedEvery);
    }

    /** The same sizes with every {@code every}-th product related to 1–3 others (0: none). */
    public SeedSizes withRelations(int every) {
        return new SeedSizes(customersPerCompany, products, priceBreaksPerItem, warehousesPerCompany, masterEvery,
                minVariants, maxVariants, every);
    }

    /**
     * The share a fashion or electronics tenant shows: every 5th product a colour × size master with 4–9
     * variants (20 masters, about 130 variants per 100 products and legal entity), every 4th product with 1–3
     * related products (24 products, about 50 relations per 100).
     */
    public SeedSizes withRealisticVariants() {
        return withVariants(5, 4, 9).withRelations(4);
    }

    public boolean hasMasters() {
        return masterEvery > 0;
    }
}
