package io.github.d365bridge.sandbox.d365.store;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable row held as an array in its {@link RowShape}'s field order: every field present (empty
 * values where nothing was set), iteration in emission order. It is a plain {@code Map} to everyone
 * else, equal to any map with the same entries.
 */
public final class CompactRow extends AbstractMap<String, Object> {

    private final RowShape shape;
    private final Object[] values;

    private CompactRow(RowShape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    RowShape shape() {
        return shape;
    }

    /** A copy of the values, for a builder. */
    Object[] valueArray() {
        return values.clone();
    }

    @Override
    public Object get(Object key) {
        int slot = shape.slot(key);
        return slot < 0 ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.slot(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int slot = next++;
                        return new SimpleImmutableEntry<>(shape.name(slot), values[slot]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** Sets fields by name, then builds one immutable row; not thread-safe, used once. */
    public static final class Builder {

        private final RowShape shape;
        private Object[] values;

        Builder(RowShape shape, Object[] values) {
            this.shape = shape;
            this.values = values;
        }

        /** Sets a field; a name the schema lacks is a bug in the caller, so it fails loudly. */
        public Builder set(String name, Object value) {
            int slot = shape.slot(name);
            if (slot < 0) {
                throw new IllegalArgumentException("no field '" + name + "' in this row shape");
            }
            values[slot] = value;
            return this;
        }

        public Object get(String name) {
            int slot = shape.slot(name);
            return slot < 0 ? null : values[slot];
        }

        public CompactRow build() {
            CompactRow row = new CompactRow(shape, values);
            values = null; // the row owns the array now
            return row;
        }
    }
}
