package io.github.d365bridge.sandbox.commerce.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

/**
 * Rows of one entity type keyed by an auto-increment id, like {@link EntityTable}, but stored as their
 * JSON bytes instead of live Jackson trees: a customer takes about a tenth of the heap that way, so
 * 100,000 customers and 30,000 companies fit a test JVM. The price is that {@link #get} hands out a
 * fresh copy, and a change only counts once it is {@link #put} back. Fields named at construction are
 * indexed (value as {@link #key} folds it, like MySQL's case-insensitive collation and numeric
 * comparison), so a look-up by e-mail is one hash probe, not a scan. Not thread-safe: the sandbox
 * serialises every change under its data lock.
 */
public final class CompactTable {

    private final String idField;
    private final Map<String, Map<String, IdSet>> indexes = new HashMap<>();
    private byte[][] rows = new byte[1024][];
    private int nextId = 1;
    private int size;
    private long bytes;

    public CompactTable(String idField, Set<String> indexedFields) {
        this.idField = idField;
        indexedFields.forEach(field -> indexes.put(field, new HashMap<>()));
    }

    public String idField() {
        return idField;
    }

    public boolean indexed(String field) {
        return indexes.containsKey(field);
    }

    /** Numbers new rows from {@code firstId} on (only forward: ids already given out stay unique). */
    public void startIdsAt(int firstId) {
        nextId = Math.max(nextId, firstId);
    }

    /** Assigns the next id (written into the row), stores the row and returns the id. */
    public int insert(ObjectNode row) {
        int id = nextId++;
        row.put(idField, id);
        store(id, row);
        return id;
    }

    /** Replaces the stored row {@code id} (which must exist) with {@code row}. */
    public void put(int id, ObjectNode row) {
        if (!exists(id)) {
            throw new IllegalArgumentException("no row " + id);
        }
        row.put(idField, id);
        store(id, row);
    }

    /** Reads, changes and writes back one row; false when there is none. */
    public boolean update(int id, Consumer<ObjectNode> change) {
        Optional<ObjectNode> row = get(id);
        row.ifPresent(r -> {
            change.accept(r);
            put(id, r);
        });
        return row.isPresent();
    }

    /** A copy of the row: changing it changes nothing stored. */
    public Optional<ObjectNode> get(int id) {
        byte[] stored = id > 0 && id < rows.length ? rows[id] : null;
        return stored == null ? Optional.empty() : Optional.of(parse(stored));
    }

    public boolean exists(int id) {
        return id > 0 && id < rows.length && rows[id] != null;
    }

    public int size() {
        return size;
    }

    /** Bytes held by the rows themselves (indexes not counted), for the scale tests. */
    public long storedBytes() {
        return bytes;
    }

    /** Every id, ascending. */
    public int[] ids() {
        int[] ids = new int[size];
        int n = 0;
        for (int id = 1; id < rows.length && n < size; id++) {
            if (rows[id] != null) {
                ids[n++] = id;
            }
        }
        return ids;
    }

    /** Ids of the rows whose indexed {@code field} folds to the same key as {@code value}, ascending. */
    public int[] idsWhere(String field, String value) {
        Map<String, IdSet> index = indexes.get(field);
        if (index == null) {
            throw new IllegalArgumentException(field + " is not indexed");
        }
        IdSet ids = index.get(key(value));
        return ids == null ? new int[0] : ids.toArray();
    }

    /** Copies of every row, ascending by id: a full scan, for small tables and tests. */
    public List<ObjectNode> all() {
        List<ObjectNode> copies = new ArrayList<>(size);
        for (int id : ids()) {
            copies.add(parse(rows[id]));
        }
        return copies;
    }

    /**
     * How an indexed value is compared: numbers by value ({@code 1} and {@code "1.0"} alike), text
     * case-insensitively, as MySQL's default collation does (and as the search's filter matcher does);
     * null when the field is absent or null.
     */
    public static String key(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (!value.isEmpty() && value.length() <= 40 && !trimmed.isEmpty() && "0123456789+-.".indexOf(trimmed.charAt(0)) >= 0) {
            try {
                return new BigDecimal(trimmed).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                // not a number after all: compared as text
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String key(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : key(node.asText());
    }

    private void store(int id, ObjectNode row) {
        if (id >= rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, id + 1));
        }
        byte[] old = rows[id];
        if (old != null) {
            unindex(id, parse(old));
            bytes -= old.length;
        } else {
            size++;
        }
        byte[] encoded = encode(row);
        rows[id] = encoded;
        bytes += encoded.length;
        indexes.forEach((field, index) -> {
            String key = key(row.get(field));
            if (key != null) {
                index.computeIfAbsent(key, k -> new IdSet()).add(id);
            }
        });
    }

    private void unindex(int id, ObjectNode row) {
        indexes.forEach((field, index) -> {
            String key = key(row.get(field));
            IdSet ids = key == null ? null : index.get(key);
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                index.remove(key);
            }
        });
    }

    private static byte[] encode(ObjectNode row) {
        try {
            return Json.mapper().writeValueAsBytes(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("row cannot be stored", e);
        }
    }

    private static ObjectNode parse(byte[] stored) {
        try {
            return (ObjectNode) Json.mapper().readTree(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ascending ids sharing one index key: most keys (an e-mail) hold one id, some (a website) many. */
    private static final class IdSet {
        private int[] ids = new int[1];
        private int count;

        void add(int id) {
            int at = Arrays.binarySearch(ids, 0, count, id);
            if (at >= 0) {
                return;
            }
            int insert = -at - 1;
            if (count == ids.length) {
                ids = Arrays.copyOf(ids, count * 2);
            }
            System.arraycopy(ids, insert, ids, insert + 1, count - insert);
            ids[insert] = id;
            count++;
        }

        boolean remove(int id) {
            int at = Arrays.binarySearch(ids, 0, count, id);
            if (at < 0) {
                return false;
            }
            System.arraycopy(ids, at + 1, ids, at, count - at - 1);
            count--;
            return true;
        }

        boolean isEmpty() {
            return count == 0;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, count);
        }
    }
}
