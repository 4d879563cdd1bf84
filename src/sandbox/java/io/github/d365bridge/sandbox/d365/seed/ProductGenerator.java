package io.github.d365bridge.sandbox.d365.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/**
 * ProductsV2 demo rows (shared products, no company). Product 0 is {@code " RFI-TEST-001"} with its
 * leading space, as seen on a real tenant, so that clients that trim keys fail here too. When masters are on
 * ({@link io.github.d365bridge.sandbox.d365.SeedSizes#masterEvery()}), some products are product masters:
 * {@code ProductSubType} {@code ProductMaster} with the dimension group {@value #MASTER_DIMENSION_GROUP};
 * their variants are {@link ReleasedProductVariantGenerator}'s rows. ProductsV2 holds products and masters,
 * never variants.
 */
public final class ProductGenerator implements RowGenerator {

    /** The item number with a leading space that real data holds. */
    public static final String LEADING_SPACE_ITEM = " RFI-TEST-001";

    private static final List<String> ADJECTIVES = List.of("Compact", "Deluxe", "Wireless", "Outdoor", "Classic",
            "Smart", "Portable", "Heavy-duty", "Eco", "Pro");
    private static final List<String> NOUNS = List.of("Speaker", "Headphones", "Desk Lamp", "Projector", "Kettle",
            "Backpack", "Monitor", "Router", "Camera", "Chair", "Jacket", "Bicycle Helmet");

    /** The product dimension group of every seeded master: colour and size active, style/configuration/version not. */
    public static final String MASTER_DIMENSION_GROUP = "ColorSize";

    private final int size;
    private final long seed;
    private final int masterEvery;

    /** Distinct products only. */
    public ProductGenerator(int size, long seed) {
        this(size, seed, 0);
    }

    /** @param masterEvery every n-th product a product master ({@link #isMaster}); 0: none */
    public ProductGenerator(int size, long seed, int masterEvery) {
        this.size = size;
        this.seed = seed;
        this.masterEvery = masterEvery;
    }

    @Override
    public int size() {
        return size;
    }

    public static String number(int index) {
        return index == 0 ? LEADING_SPACE_ITEM : "P" + Padding.zeros(index, 6);
    }

    public String name(int index) {
        SeedRandom r = new SeedRandom(seed, 2, index);
        return index == 0 ? "RFI test item" : r.pick(ADJECTIVES) + " " + r.pick(NOUNS) + " " + (100 + index % 900);
    }

    /** Price in USD; companies apply their factor. */
    public BigDecimal basePrice(int index) {
        SeedRandom r = new SeedRandom(seed, 3, index);
        return BigDecimal.valueOf(499 + r.nextInt(50_000), 2).setScale(2, RoundingMode.HALF_UP);
    }

    public boolean isService(int index) {
        return index % 25 == 24;
    }

    /**
     * Whether a product is a product master: every {@code masterEvery}-th index from the middle of the first
     * run (2, 7, 12 … for 5), never a service (the seed sells services without variants) nor product 0, the test item
     * that keeps its leading space.
     */
    public boolean isMaster(int index) {
        return masterEvery > 0 && index > 0 && index < size && !isService(index)
                && index % masterEvery == masterEvery / 2;
    }

    @Override
    public Map<String, Object> row(int index) {
        String name = name(index);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ProductNumber", number(index));
        row.put("ProductName", name);
        row.put("ProductSearchName", searchName(name));
        row.put("ProductDescription", name + ", sandbox demo product");
        row.put("ProductType", isService(index) ? "Service" : "Item");
        row.put("ProductSubType", subType(index));
        row.put("StorageDimensionGroupName", isService(index) ? "" : "SiteWH");
        row.put("TrackingDimensionGroupName", "None");
        row.put("ProductDimensionGroupName", dimensionGroup(index));
        return row;
    }

    /** {@code ProductSubType}: {@code ProductMaster} or {@code Product} (a distinct product). */
    public String subType(int index) {
        return isMaster(index) ? "ProductMaster" : "Product";
    }

    /** {@code ProductDimensionGroupName}: empty for distinct products, as D365 sends it. */
    public String dimensionGroup(int index) {
        return isMaster(index) ? MASTER_DIMENSION_GROUP : "";
    }

    static String searchName(String name) {
        String compact = name.replace(" ", "").toUpperCase();
        return compact.length() > 20 ? compact.substring(0, 20) : compact;
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        return parse(keyValues.get(0), size);
    }

    /** Index of an item number produced by {@link #number}, or -1. */
    static int parse(Object value, int size) {
        if (!(value instanceof String text)) {
            return -1;
        }
        if (text.equalsIgnoreCase(LEADING_SPACE_ITEM)) {
            return 0;
        }
        if (text.length() != 7 || Character.toUpperCase(text.charAt(0)) != 'P') {
            return -1;
        }
        try {
            int index = Integer.parseInt(text.substring(1));
            return index >= 1 && index < size ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
