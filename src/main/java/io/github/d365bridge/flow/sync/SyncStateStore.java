package io.github.d365bridge.flow.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;

import io.github.d365bridge.ground.Redactor;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.storage.TableKeyCodec;

/**
 * What each sync has written, per record and target scope: the content hash of the last payload the target
 * confirmed and the target's id for it. One partition per flow and legal entity ({@code customers|usmf}), one
 * row per source record, a property pair per scope ({@code H_<scope>}, {@code T_<scope>}), so a page of records
 * is compared with one key-range query and confirmed with one transaction per hundred.
 * <p>
 * Records that failed, or were skipped on purpose, also get a row in the flow's failure or skip partition
 * ({@code customers|~failed}, {@code customers|~skipped}) with the reason, for operators; a record's row
 * flags the scopes listed there, so a success deletes only rows that exist.
 */
public final class SyncStateStore {

    static final String FAILED = "~failed";
    static final String SKIPPED = "~skipped";
    private static final Pattern PLAIN_SCOPE = Pattern.compile("[A-Za-z0-9_]{1,200}");
    private static final int TRANSACTION_LIMIT = 100;

    private final StateTable table;

    public SyncStateStore(StorageAccount storage, String tableName) {
        this.table = new StateTable(storage, tableName);
    }

    /** What is stored for one record. */
    public record Stored(String key, Map<String, String> hashes, Map<String, String> targetIds,
            Map<String, String> listedAs, Map<String, String> failedHashes, boolean removed) {

        static Stored none(String key) {
            return new Stored(key, Map.of(), Map.of(), Map.of(), Map.of(), false);
        }

        /** The hash of the content that last failed in {@code scope}, while it is failed. */
        public Optional<String> failedHash(String scope) {
            return Optional.ofNullable(failedHashes.get(scope));
        }

        public Optional<String> hash(String scope) {
            return Optional.ofNullable(hashes.get(scope));
        }

        public Optional<String> targetId(String scope) {
            return Optional.ofNullable(targetIds.get(scope));
        }
    }

    /** What a step learnt about one record in one scope. */
    public record Change(String key, String scope, String hash, String targetId, Kind kind, String reason,
            String failedHash) {
        public enum Kind { CONFIRMED, FAILED, SKIPPED }

        public Change(String key, String scope, String hash, String targetId, Kind kind, String reason) {
            this(key, scope, hash, targetId, kind, reason, null);
        }
    }

    /** One failure or skip as operators see it. */
    public record Listed(String legalEntity, String key, String scope, String reason, Instant at) {
    }

    /**
     * The stored rows of {@code keys}: one query over the key range they span (the source's order and the
     * table's may differ; the range still holds every key of the page, plus at most the few in between).
     */
    public Map<String, Stored> find(String flow, String legalEntity, Collection<String> keys) {
        Map<String, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String low = null;
        String high = null;
        Map<String, String> wanted = new HashMap<>();
        for (String key : keys) {
            String row = TableKeyCodec.encode(key);
            wanted.put(row, key);
            low = low == null || row.compareTo(low) < 0 ? row : low;
            high = high == null || row.compareTo(high) > 0 ? row : high;
        }
        String filter = "PartitionKey eq '" + quote(partition(flow, legalEntity)) + "' and RowKey ge '" + quote(low)
                + "' and RowKey le '" + quote(high) + "'";
        try (Stream<TableEntity> rows = table.query(filter, 1000, null)) {
            rows.filter(e -> wanted.containsKey(e.getRowKey())).forEach(e -> {
                Stored stored = toStored(wanted.get(e.getRowKey()), e);
                found.put(stored.key(), stored);
            });
        }
        return found;
    }

    /**
     * Applies a step's changes: failure and skip rows first, then the record rows (merged, a hundred per
     * transaction), then the deletion of list rows that no longer apply. A crash in between leaves at worst a
     * list row its record no longer flags, which the listing drops ({@link #failures}).
     */
    public void apply(String flow, String legalEntity, List<Change> changes, Map<String, Stored> before) {
        Map<String, TableEntity> rows = new LinkedHashMap<>();
        Map<String, List<TableTransactionAction>> upserts = new HashMap<>();
        List<TableEntity> deletes = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Change change : changes) {
            TableEntity row = rows.computeIfAbsent(change.key(), k -> new TableEntity(partition(flow, legalEntity),
                    TableKeyCodec.encode(k)));
            String property = scopeProperty(change.scope());
            String wasListed = before.getOrDefault(change.key(), Stored.none(change.key())).listedAs().get(change.scope());
            String nowListed = switch (change.kind()) {
                case CONFIRMED -> null;
                case FAILED -> FAILED;
                case SKIPPED -> SKIPPED;
            };
            if (change.kind() != Change.Kind.FAILED) {
                // a failure keeps the last confirmed hash: the record is written again once its content changes
                row.addProperty("H_" + property, change.hash());
                row.addProperty("Removed", false); // a record back in the source is written again
                row.addProperty("F_" + property, "");
            } else if (change.failedHash() != null) {
                row.addProperty("F_" + property, change.failedHash());
            }
            if (change.targetId() != null) {
                row.addProperty("T_" + property, change.targetId());
            }
            row.addProperty("L_" + property, nowListed == null ? "" : nowListed);
            String listedRow = listedRow(legalEntity, change.key(), change.scope());
            if (wasListed != null && !wasListed.equals(nowListed)) {
                deletes.add(new TableEntity(flow + "|" + wasListed, listedRow));
            }
            if (nowListed != null) {
                upserts.computeIfAbsent(nowListed, l -> new ArrayList<>()).add(new TableTransactionAction(
                        TableTransactionActionType.UPSERT_REPLACE, new TableEntity(flow + "|" + nowListed, listedRow)
                                .addProperty("LegalEntity", legalEntity).addProperty("Key", change.key())
                                .addProperty("Scope", change.scope())
                                .addProperty("Reason", Redactor.truncate(change.reason() == null ? "" : change.reason(), 4_000))
                                .addProperty("At", now)));
            }
        }
        upserts.values().forEach(this::submit);
        submit(rows.values().stream().map(e -> new TableTransactionAction(TableTransactionActionType.UPSERT_MERGE, e))
                .toList());
        deletes.forEach(e -> table.delete(e.getPartitionKey(), e.getRowKey()));
    }

    /** Marks a record whose source is gone as handled, so it is reported once. */
    public void markRemoved(String flow, String legalEntity, String key) {
        table.upsert(new TableEntity(partition(flow, legalEntity), TableKeyCodec.encode(key)).addProperty("Removed", true));
    }

    /** Every stored record of one flow and legal entity: key and whether its removal was handled. */
    public Stream<Stored> all(String flow, String legalEntity) {
        return table.query("PartitionKey eq '" + quote(partition(flow, legalEntity)) + "'", 1000, null)
                .map(e -> toStored(TableKeyCodec.decode(e.getRowKey()), e));
    }

    /** Up to {@code limit} failed records of a flow (the reason of the latest try each). */
    public List<Listed> failures(String flow, int limit) {
        return listed(flow, FAILED, limit);
    }

    /** Up to {@code limit} records a flow skipped on purpose, with the reason. */
    public List<Listed> skips(String flow, int limit) {
        return listed(flow, SKIPPED, limit);
    }

    /** Reads the list rows, newest reason each, keeping only those their record still flags (stale ones go). */
    private List<Listed> listed(String flow, String list, int limit) {
        List<Listed> result = new ArrayList<>();
        try (Stream<TableEntity> rows = table.query("PartitionKey eq '" + quote(flow + "|" + list) + "'",
                Math.min(1000, Math.max(1, limit)), null)) {
            for (TableEntity e : (Iterable<TableEntity>) rows::iterator) {
                if (result.size() >= limit) {
                    break;
                }
                Listed entry = new Listed((String) e.getProperty("LegalEntity"), (String) e.getProperty("Key"),
                        (String) e.getProperty("Scope"), (String) e.getProperty("Reason"),
                        e.getProperty("At") instanceof OffsetDateTime at ? at.toInstant() : null);
                boolean flagged = table.get(partition(flow, entry.legalEntity()), TableKeyCodec.encode(entry.key()))
                        .map(record -> list.equals(record.getProperty("L_" + scopeProperty(entry.scope()))))
                        .orElse(false);
                if (flagged) {
                    result.add(entry);
                } else {
                    table.delete(e.getPartitionKey(), e.getRowKey());
                }
            }
        }
        return result;
    }

    private void submit(List<TableTransactionAction> actions) {
        for (int from = 0; from < actions.size(); from += TRANSACTION_LIMIT) {
            List<TableTransactionAction> group = actions.subList(from, Math.min(actions.size(), from + TRANSACTION_LIMIT));
            if (table.transact(group) != StateTable.Transaction.APPLIED) {
                throw new IllegalStateException("Sync state transaction on " + table.name() + " was refused");
            }
        }
    }

    private static Stored toStored(String key, TableEntity e) {
        Map<String, String> hashes = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> listed = new HashMap<>();
        Map<String, String> failed = new HashMap<>();
        e.getProperties().forEach((name, value) -> {
            if (name.startsWith("F_") && value instanceof String text && !text.isEmpty()) {
                failed.put(scopeOf(name.substring(2)), text);
            }
            if (name.startsWith("H_") && value instanceof String text) {
                hashes.put(scopeOf(name.substring(2)), text);
            } else if (name.startsWith("T_") && value instanceof String text) {
                ids.put(scopeOf(name.substring(2)), text);
            } else if (name.startsWith("L_") && value instanceof String text && !text.isEmpty()) {
                listed.put(scopeOf(name.substring(2)), text);
            }
        });
        return new Stored(key, hashes, ids, listed, failed, Boolean.TRUE.equals(e.getProperty("Removed")));
    }

    static String partition(String flow, String legalEntity) {
        return TableKeyCodec.encode(flow + "|" + legalEntity);
    }

    private static String listedRow(String legalEntity, String key, String scope) {
        return TableKeyCodec.encode(legalEntity + "|" + key + "|" + scope);
    }

    /** Scopes become property names: plain ones as they are, others hex-encoded (prefix {@code x}). */
    static String scopeProperty(String scope) {
        if (PLAIN_SCOPE.matcher(scope).matches() && !scope.startsWith("x")) {
            return scope;
        }
        StringBuilder hex = new StringBuilder("x");
        for (byte b : scope.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static String scopeOf(String property) {
        if (!property.startsWith("x")) {
            return property;
        }
        byte[] bytes = new byte[(property.length() - 1) / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(property.substring(1 + 2 * i, 3 + 2 * i), 16);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
