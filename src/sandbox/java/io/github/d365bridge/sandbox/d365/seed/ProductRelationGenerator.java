package io.github.d365bridge.sandbox.d365.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.d365bridge.sandbox.d365.store.RowGenerator;

/**
 * ProductRelations demo rows (shared products, no company): every {@code relatedEvery}-th product (4, 8, 12 …
 * for 4) points at one to three other seeded products, each relation of one type. No standard public entity
 * for product relations is confirmed, so the bridge reads a configurable one; this is the sandbox's default,
 * shaped like D365's product relation table (product, related product, relation type name). Rows come in key
 * order: by product, then related product; a product relates to another once.
 */
public final class ProductRelationGenerator implements RowGenerator {

    /** The relation types the seed uses, as a tenant would name them in Product relation types. */
    public static final List<String> TYPES = List.of("Accessories", "UpSell", "CrossSell");

    /** One relation of a product: the related product's index and the relation type. */
    record Relation(int related, String type) {
    }

    private final ProductGenerator products;
    private final int every;
    private final long seed;
    private final int owners;
    private final Offsets offsets;

    /** @param every every n-th product has relations; 0: none */
    public ProductRelationGenerator(ProductGenerator products, int every, long seed) {
        this.products = products;
        this.every = every;
        this.seed = seed;
        this.owners = every == 0 || products.size() < 3 ? 0 : (products.size() - 1) / every;
        this.offsets = new Offsets(owners, owner -> relations(product(owner)).size());
    }

    /** Product index of the owner at {@code ordinal}: 1 · every, 2 · every, … (product 0 relates to nothing). */
    private int product(int ordinal) {
        return (ordinal + 1) * every;
    }

    @Override
    public int size() {
        return offsets.total();
    }

    /** A product's relations in key order: 1–3 distinct other products (never product 0 or itself). */
    List<Relation> relations(int product) {
        SeedRandom r = new SeedRandom(seed, 12, product);
        int candidates = products.size() - 2;
        int count = Math.min(1 + r.nextInt(3), candidates);
        TreeSet<Integer> related = new TreeSet<>();
        while (related.size() < count) {
            int pick = 1 + r.nextInt(products.size() - 1);
            if (pick != product) {
                related.add(pick);
            }
        }
        List<Relation> relations = new ArrayList<>(count);
        for (int other : related) {
            relations.add(new Relation(other, r.pick(TYPES)));
        }
        return relations;
    }

    @Override
    public Map<String, Object> row(int index) {
        int ordinal = offsets.ownerOf(index);
        int product = product(ordinal);
        Relation relation = relations(product).get(index - offsets.start(ordinal));
        return row(ProductGenerator.number(product), ProductGenerator.number(relation.related()), relation.type());
    }

    public static Map<String, Object> row(String product, String related, String type) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ProductNumber", product);
        row.put("RelatedProductNumber", related);
        row.put("ProductRelationTypeName", type);
        return row;
    }

    @Override
    public int indexOf(List<Object> keyValues) {
        int product = ProductGenerator.parse(keyValues.get(0), products.size());
        int related = ProductGenerator.parse(keyValues.get(1), products.size());
        if (every == 0 || product <= 0 || related < 0 || product % every != 0 || product / every > owners) {
            return -1;
        }
        int ordinal = product / every - 1;
        List<Relation> relations = relations(product);
        for (int k = 0; k < relations.size(); k++) {
            if (relations.get(k).related() == related
                    && relations.get(k).type().equalsIgnoreCase(String.valueOf(keyValues.get(2)))) {
                return offsets.start(ordinal) + k;
            }
        }
        return -1;
    }
}
