package io.github.d365bridge.sandbox.d365.seed;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.github.d365bridge.sandbox.d365.store.DuplicateKeyException;
import io.github.d365bridge.sandbox.d365.store.EntityTable;

/**
 * Adds and removes product relations at run time, for tests of a related-products sync (also
 * {@code POST /_sandbox/relations/add|remove}). Both ends must be shared products ({@code ProductsV2}); the
 * type name is free text, as relation types are the tenant's own setup.
 */
public final class RelationChanges {

    private final EntityTable products;
    private final EntityTable relations;

    public RelationChanges(EntityTable products, EntityTable relations) {
        this.products = products;
        this.relations = relations;
    }

    /**
     * @throws IllegalArgumentException a blank value, or a product related to itself
     * @throws NoSuchElementException   either product does not exist
     * @throws DuplicateKeyException    the relation exists
     */
    public synchronized Map<String, Object> add(String product, String related, String type) {
        if (isBlank(product) || isBlank(related) || isBlank(type)) {
            throw new IllegalArgumentException("ProductNumber, RelatedProductNumber and ProductRelationTypeName"
                    + " must not be empty.");
        }
        if (product.equalsIgnoreCase(related)) {
            throw new IllegalArgumentException("Product '" + product + "' cannot be related to itself.");
        }
        for (String number : List.of(product, related)) {
            if (products.find(List.of(number)).isEmpty()) {
                throw new NoSuchElementException("Product '" + number + "' does not exist.");
            }
        }
        Map<String, Object> row = ProductRelationGenerator.row(product, related, type);
        relations.insert(row);
        return row;
    }

    /** @throws NoSuchElementException when there is no such relation */
    public synchronized Map<String, Object> remove(String product, String related, String type) {
        List<Object> key = List.of(nullToEmpty(product), nullToEmpty(related), nullToEmpty(type));
        Map<String, Object> row = relations.find(key).orElseThrow(() -> new NoSuchElementException(
                "No relation " + type + " from '" + product + "' to '" + related + "'."));
        relations.delete(key);
        return row;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
