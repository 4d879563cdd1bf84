package io.github.d365bridge.sandbox.d365.store;

import java.util.List;
import java.util.Map;

/**
 * Rows computed from their position, so a seeded set of any size costs no memory. Row {@code i}
 * must always be the same for the same seed, and rows must come in key order.
 */
public interface RowGenerator {

    RowGenerator EMPTY = new RowGenerator() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public Map<String, Object> row(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int indexOf(List<Object> keyValues) {
            return -1;
        }
    };

    int size();

    /** A fresh mutable-free map of field name to value (see {@link io.github.d365bridge.sandbox.d365.model.FieldKind}). */
    Map<String, Object> row(int index);

    /**
     * The position of the row with these key values (in key order of the schema), or -1. Only a hint:
     * the table checks the row's key, so a generator may answer a wrong candidate.
     */
    int indexOf(List<Object> keyValues);

    /**
     * The key values of the row at a position, in the schema's key order; generators that can name a
     * key without building the whole row override this (the change simulation looks at every key).
     */
    default List<Object> keyAt(int index, List<String> keyFields) {
        Map<String, Object> row = row(index);
        return keyFields.stream().map(row::get).map(v -> (Object) v).toList();
    }

    /**
     * The positions {@code [from, to)} holding the rows of one company, when the generator knows them
     * (rows are company-major), so reads of the default company skip the others; null when unknown.
     */
    default int[] companyRange(String company) {
        return null;
    }
}
