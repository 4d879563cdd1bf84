package io.github.d365bridge.sandbox.d365.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.d365bridge.sandbox.d365.model.EntitySchema;

/**
 * The rows of one entity set: generated seed rows (computed on demand) overlaid with the changes
 * made through the API, followed by rows created through the API. Scanning by position keeps paging
 * cheap: a skip token is just the position to continue from.
 *
 * <p>Keys compare without case, because D365's database collation is case-insensitive (a key
 * lookup for 'us-001' finds 'US-001', and both cannot exist). Values are never trimmed.
 */
public final class EntityTable {

    private final EntitySchema schema;
    private final RowGenerator base;
    private final RowShape shape;
    private final Map<String, Map<String, Object>> replaced = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final List<Map<String, Object>> appended = new ArrayList<>();
    private final Map<String, Integer> appendedIndex = new HashMap<>();
    private volatile long version;

    public EntityTable(EntitySchema schema, RowGenerator base) {
        this(schema, base, null);
    }

    /**
     * @param shape when given, stored rows (changed and created ones) are held in it: every field
     *              present, those a write left out empty, as D365 shows them
     */
    public EntityTable(EntitySchema schema, RowGenerator base, RowShape shape) {
        this.schema = schema;
        this.base = base == null ? RowGenerator.EMPTY : base;
        this.shape = shape;
    }

    public EntitySchema schema() {
        return schema;
    }

    /** Changes with every write; cached answers (counts) are valid while it stays the same. */
    public long version() {
        return version;
    }

    /** Seed positions {@code [from, to)} of one company, or null when every seed row must be scanned. */
    public int[] seedRange(String company) {
        return base.companyRange(company);
    }

    /** Number of seed positions; created rows come after them. */
    public int seedSize() {
        return base.size();
    }

    /** Positions to scan: seed rows first, then created rows (some positions may be deleted). */
    public synchronized int scanSize() {
        return base.size() + appended.size();
    }

    /** The row at a scan position, or null when it was deleted. */
    public Map<String, Object> rowAt(int position) {
        int baseSize = base.size();
        if (position < baseSize) {
            Map<String, Object> row = base.row(position);
            if (replaced.isEmpty() && deleted.isEmpty()) {
                return row;
            }
            String key = keyOf(row);
            return deleted.contains(key) ? null : replaced.getOrDefault(key, row);
        }
        synchronized (this) {
            return appended.get(position - baseSize);
        }
    }

    /**
     * The key values of the live row at a scan position, or null when it was deleted; cheaper than
     * {@link #rowAt} where the generator can name a key without building the row.
     */
    public List<Object> liveKeyAt(int position) {
        if (position < base.size()) {
            List<Object> keys = base.keyAt(position, schema.keys());
            return deleted.contains(keyString(keys)) ? null : keys;
        }
        Map<String, Object> row;
        synchronized (this) {
            row = appended.get(position - base.size());
        }
        return row == null ? null : schema.keys().stream().map(row::get).map(v -> (Object) v).toList();
    }

    /** Rows held in memory because they were changed, created or deleted (seed rows are computed). */
    public synchronized int storedRows() {
        return replaced.size() + deleted.size() + (int) appended.stream().filter(java.util.Objects::nonNull).count();
    }

    public String keyOf(Map<String, Object> row) {
        List<Object> values = new ArrayList<>(schema.keys().size());
        for (String key : schema.keys()) {
            values.add(row.get(key));
        }
        return keyString(values);
    }

    /** The comparable form of key values: case folded, never trimmed. */
    public static String keyString(List<Object> values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(String.valueOf(value).toLowerCase(Locale.ROOT)).append('\u0001');
        }
        return text.toString();
    }

    public synchronized Optional<Map<String, Object>> find(List<Object> keyValues) {
        String key = keyString(keyValues);
        Integer created = appendedIndex.get(key);
        if (created != null) {
            return Optional.ofNullable(appended.get(created));
        }
        if (deleted.contains(key)) {
            return Optional.empty();
        }
        int index = base.indexOf(keyValues);
        if (index < 0 || index >= base.size()) {
            return Optional.empty();
        }
        Map<String, Object> row = base.row(index);
        if (!keyOf(row).equals(key)) {
            return Optional.empty();
        }
        return Optional.of(replaced.getOrDefault(key, row));
    }

    public synchronized void insert(Map<String, Object> row) {
        version++;
        List<Object> keyValues = schema.keys().stream().map(row::get).map(v -> (Object) v).toList();
        if (find(keyValues).isPresent()) {
            throw new DuplicateKeyException("The record already exists.");
        }
        String key = keyString(keyValues);
        Map<String, Object> copy = copy(row);
        if (deleted.remove(key) && base.indexOf(keyValues) >= 0) {
            replaced.put(key, copy); // re-created seed row keeps its seed position
            return;
        }
        appendedIndex.put(key, appended.size());
        appended.add(copy);
    }

    /** Replaces an existing row (same key); answers false when there is none. */
    public synchronized boolean replace(Map<String, Object> row) {
        version++;
        List<Object> keyValues = schema.keys().stream().map(row::get).map(v -> (Object) v).toList();
        if (find(keyValues).isEmpty()) {
            return false;
        }
        String key = keyString(keyValues);
        Map<String, Object> copy = copy(row);
        Integer created = appendedIndex.get(key);
        if (created != null) {
            appended.set(created, copy);
        } else {
            replaced.put(key, copy);
        }
        return true;
    }

    public synchronized boolean delete(List<Object> keyValues) {
        version++;
        if (find(keyValues).isEmpty()) {
            return false;
        }
        String key = keyString(keyValues);
        Integer created = appendedIndex.remove(key);
        if (created != null) {
            appended.set(created, null);
        } else {
            replaced.remove(key);
            deleted.add(key);
        }
        return true;
    }

    private Map<String, Object> copy(Map<String, Object> row) {
        if (shape != null && shape.covers(row)) {
            return shape.builder(row).build();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }

    /** Back to the seed rows only. */
    public synchronized void reset() {
        version++;
        replaced.clear();
        deleted.clear();
        appended.clear();
        appendedIndex.clear();
    }
}
