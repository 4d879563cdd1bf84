package io.github.d365bridge.sandbox.commerce.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rows of one entity type keyed by an auto-increment id, as Commerce's tables are. Rows are stored
 * as the snake_case JSON the API returns, so search filters address the same field names. Not
 * thread-safe: the sandbox serialises every change under its data lock.
 */
public final class EntityTable {

    private final String idField;
    private final Map<Integer, ObjectNode> rows = new LinkedHashMap<>();
    private int nextId = 1;

    public EntityTable(String idField) {
        this.idField = idField;
    }

    public String idField() {
        return idField;
    }

    /** Numbers new rows from {@code firstId} on (only forward: ids already given out stay unique). */
    public synchronized void startIdsAt(int firstId) {
        nextId = Math.max(nextId, firstId);
    }

    /** Assigns the next id, stores the row and returns the id. */
    public int insert(ObjectNode row) {
        int id = nextId++;
        row.put(idField, id);
        rows.put(id, row);
        return id;
    }

    public Optional<ObjectNode> get(int id) {
        return Optional.ofNullable(rows.get(id));
    }

    public List<ObjectNode> all() {
        return new ArrayList<>(rows.values());
    }

    public int size() {
        return rows.size();
    }
}
