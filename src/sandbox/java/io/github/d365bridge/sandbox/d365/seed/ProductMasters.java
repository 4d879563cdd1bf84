package io.github.d365bridge.sandbox.d365.seed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The seeded product masters and their colour × size variants, computed from the product index: which
 * products are masters ({@link ProductGenerator#isMaster}), how many variants each has, their dimension
 * values and variant numbers. Shared by the variant rows, the dimension-specific trade agreements and the
 * control endpoints, so all three agree on what exists. Holds two ints per master, never a row.
 *
 * <p>A master with {@code n} variants uses {@code ceil(n / 4)} colours of {@link #COLOURS} and the sizes S, M,
 * L, XL, colour by colour, the last colour in only some sizes (D365 does not release every combination). The
 * variant number counts in that order ({@code P000007-1} is the first colour in S); rows come in key order
 * (colour, then size as text: L, M, S, XL), as the table's key order requires.
 */
public final class ProductMasters {

    /** Colour ids as tenants name them: words, some with spaces. */
    public static final List<String> COLOURS = List.of("Black", "Blue", "Dark Red", "Forest Green", "Grey",
            "Navy Blue", "Silver", "White");
    /** Size ids in the order a size chart lists them. */
    public static final List<String> SIZES = List.of("S", "M", "L", "XL");

    /** The empty master layout of a seed without masters. */
    public static final ProductMasters NONE = new ProductMasters(new ProductGenerator(1, 0), 0, 0, 0);

    /** One seeded variant: its master's product index, its number (1-based, in creation order) and dimensions. */
    public record Variant(int product, int number, String colour, String size) {
    }

    private static final Comparator<Variant> KEY_ORDER = Comparator
            .comparing((Variant v) -> v.colour().toLowerCase(Locale.ROOT))
            .thenComparing(v -> v.size().toLowerCase(Locale.ROOT));

    private final long seed;
    private final int minVariants;
    private final int maxVariants;
    private final int[] masters;
    private final Offsets variants;

    public ProductMasters(ProductGenerator products, long seed, int minVariants, int maxVariants) {
        this.seed = seed;
        this.minVariants = minVariants;
        this.maxVariants = maxVariants;
        int[] found = new int[products.size()];
        int n = 0;
        for (int i = 0; i < products.size(); i++) {
            if (products.isMaster(i)) {
                found[n++] = i;
            }
        }
        this.masters = Arrays.copyOf(found, n);
        this.variants = new Offsets(n, ordinal -> variantCount(masters[ordinal]));
    }

    /** Number of masters. */
    public int size() {
        return masters.length;
    }

    /** Product index of the master at {@code ordinal} (masters in product order). */
    public int product(int ordinal) {
        return masters[ordinal];
    }

    /** Ordinal of a product among the masters, or -1 when it is no master. */
    public int ordinalOf(int product) {
        int found = Arrays.binarySearch(masters, product);
        return found < 0 ? -1 : found;
    }

    /** Variant rows of one legal entity: every variant of every master. */
    public int variantsPerCompany() {
        return variants.total();
    }

    /** Seeded variants of a master in creation order. */
    public int variantCount(int product) {
        return minVariants + new SeedRandom(seed, 10, product).nextInt(maxVariants - minVariants + 1);
    }

    /** The colours a master comes in, in creation order (the first is its lead colour). */
    public List<String> colours(int product) {
        int needed = (variantCount(product) + SIZES.size() - 1) / SIZES.size();
        List<String> pool = new ArrayList<>(COLOURS);
        SeedRandom r = new SeedRandom(seed, 11, product);
        List<String> picked = new ArrayList<>(needed);
        while (picked.size() < needed) {
            picked.add(pool.remove(r.nextInt(pool.size())));
        }
        return picked;
    }

    /** A master's seeded variants in key order. */
    public List<Variant> variants(int product) {
        int count = variantCount(product);
        List<String> colours = colours(product);
        List<Variant> all = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            all.add(new Variant(product, k + 1, colours.get(k / SIZES.size()), SIZES.get(k % SIZES.size())));
        }
        all.sort(KEY_ORDER);
        return all;
    }

    /** The variant at a position among one legal entity's variant rows. */
    public Variant variantAt(int index) {
        int ordinal = variants.ownerOf(index);
        return variants(masters[ordinal]).get(index - variants.start(ordinal));
    }

    /** Position among one legal entity's variant rows of a master's variant in key order. */
    public int positionOf(int ordinal, int variantInKeyOrder) {
        return variants.start(ordinal) + variantInKeyOrder;
    }

    /** {@code ProductVariantNumber}: the master's number, a dash, the variant's number ({@code P000007-3}). */
    public static String variantNumber(String masterNumber, int number) {
        return masterNumber + "-" + number;
    }
}
