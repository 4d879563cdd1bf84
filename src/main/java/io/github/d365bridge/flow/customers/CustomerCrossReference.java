package io.github.d365bridge.flow.customers;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import com.azure.core.exception.HttpResponseException;
import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;

/**
 * The customer cross-reference in Table storage: which D365 customer account a Commerce customer or B2B
 * company is booked on, per legal entity. Partition = legal entity ({@code dataAreaId}), row =
 * {@code customer:<id>} or {@code company:<id>}; properties {@code CustomerAccount}, {@code Source},
 * {@code UpdatedAt}. Operators, the customer sync and the order flow's e-mail fallback write it.
 *
 * <p>A storage failure is never an empty answer: it surfaces as a {@link BridgeException} of
 * {@link ExternalSystem#STORAGE} (retriable unless storage refused the request itself), so an order is
 * retried instead of being booked on the guest account because the table was briefly unreachable.
 */
public final class CustomerCrossReference {

    static final String ACCOUNT = "CustomerAccount";
    static final String SOURCE = "Source";
    static final String UPDATED_AT = "UpdatedAt";

    private final String tableName;
    private final StateTable table;
    private final Clock clock;

    public CustomerCrossReference(StorageAccount storage, String tableName) {
        this(storage, tableName, Clock.systemUTC());
    }

    public CustomerCrossReference(StorageAccount storage, String tableName, Clock clock) {
        this.tableName = tableName;
        this.clock = clock;
        this.table = call("open", () -> new StateTable(storage, tableName));
    }

    /**
     * What is wrong with {@code account} as a D365 customer account, or empty when it is usable. The one
     * check for every writer (operator endpoint, sync, e-mail fallback).
     */
    public static Optional<String> accountProblem(String account) {
        if (account == null || account.isBlank()) {
            return Optional.of("is required");
        }
        if (account.length() > CustomerV3.ACCOUNT_MAX_LENGTH) {
            return Optional.of("'" + account + "' is longer than the " + CustomerV3.ACCOUNT_MAX_LENGTH
                    + " characters of D365's CustomerAccount");
        }
        if (!account.equals(account.strip()) || account.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("'" + account + "' has surrounding blanks or a control character");
        }
        return Optional.empty();
    }

    public Optional<CrossReferenceEntry> find(CustomerReference reference) {
        return call("read " + reference, () -> table.get(reference.legalEntity(), rowKey(reference)))
                .map(CustomerCrossReference::toEntry);
    }

    /** The account for {@code reference}, or empty when the cross-reference has none. */
    public Optional<String> accountFor(CustomerReference reference) {
        return find(reference).map(CrossReferenceEntry::customerAccount);
    }

    /** Sets the account, replacing whatever was there (operators and the sync decide; last writer wins). */
    public CrossReferenceEntry put(CustomerReference reference, String account, CrossReferenceSource source) {
        CrossReferenceEntry entry = entry(reference, account, source);
        call("write " + reference, () -> {
            table.upsert(toEntity(entry));
            return null;
        });
        return entry;
    }

    /**
     * Sets the account only if the reference has none yet, for writers that found it by inference (the
     * e-mail fallback) and must not overwrite an operator's or the sync's entry written meanwhile.
     *
     * @return the entry stored now: this one, or the one that was there first
     */
    public CrossReferenceEntry putIfAbsent(CustomerReference reference, String account, CrossReferenceSource source) {
        CrossReferenceEntry entry = entry(reference, account, source);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (call("insert " + reference, () -> table.insertIfAbsent(toEntity(entry)))) {
                return entry;
            }
            Optional<CrossReferenceEntry> existing = find(reference);
            if (existing.isPresent()) {
                return existing.get();
            }
            // deleted between our insert and our read: try again
        }
        throw BridgeException.builder(ExternalSystem.STORAGE, "Customer cross-reference " + tableName + ": entry "
                + reference + " keeps being written and deleted concurrently").build();
    }

    /** Removes the entry; false when there was none. */
    public boolean delete(CustomerReference reference) {
        return call("delete " + reference, () -> table.delete(reference.legalEntity(), rowKey(reference)));
    }

    /** Entries of one legal entity in row-key order, at most {@code limit}. */
    public List<CrossReferenceEntry> list(String legalEntity, int limit) {
        checkLegalEntity(legalEntity);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        String filter = "PartitionKey eq '" + legalEntity.replace("'", "''") + "'";
        return call("list " + legalEntity, () -> {
            try (var rows = table.query(filter, Math.min(limit, 1000), null)) {
                return rows.map(CustomerCrossReference::toEntryOrNull).filter(Objects::nonNull).limit(limit).toList();
            }
        });
    }

    public String tableName() {
        return tableName;
    }

    static String rowKey(CustomerReference reference) {
        return reference.kind().code() + ":" + reference.commerceId();
    }

    private CrossReferenceEntry entry(CustomerReference reference, String account, CrossReferenceSource source) {
        checkLegalEntity(reference.legalEntity());
        if (reference.commerceId() < 1) {
            throw new IllegalArgumentException("Commerce id must be positive: " + reference);
        }
        accountProblem(account).ifPresent(problem -> {
            throw new IllegalArgumentException("customerAccount " + problem);
        });
        return new CrossReferenceEntry(reference, account, Objects.requireNonNull(source, "source"),
                Instant.now(clock));
    }

    /** Table keys must not contain / \ # ? or control characters; a dataAreaId never does. */
    private static void checkLegalEntity(String legalEntity) {
        if (legalEntity == null || !legalEntity.matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException("Not a legal entity (dataAreaId): '" + legalEntity + "'");
        }
    }

    private static TableEntity toEntity(CrossReferenceEntry entry) {
        return new TableEntity(entry.reference().legalEntity(), rowKey(entry.reference()))
                .addProperty(ACCOUNT, entry.customerAccount())
                .addProperty(SOURCE, entry.source().code())
                .addProperty(UPDATED_AT, OffsetDateTime.ofInstant(entry.updatedAt(), ZoneOffset.UTC));
    }

    private static CrossReferenceEntry toEntry(TableEntity row) {
        CrossReferenceEntry entry = toEntryOrNull(row);
        if (entry == null) {
            throw new IllegalStateException("Cross-reference row (" + row.getPartitionKey() + "," + row.getRowKey()
                    + ") has no CustomerAccount");
        }
        return entry;
    }

    /**
     * Null for rows that are not entries (a row key of another shape, no account): such rows can only come
     * from hand edits and are skipped by listings. A row without a known {@code Source} was written by
     * hand (Storage Explorer) and counts as an operator's.
     */
    private static CrossReferenceEntry toEntryOrNull(TableEntity row) {
        String key = row.getRowKey();
        int colon = key.indexOf(':');
        Optional<CustomerReference.Kind> kind = colon < 0 ? Optional.empty()
                : CustomerReference.Kind.ofCode(key.substring(0, colon));
        long id;
        try {
            id = colon < 0 ? 0 : Long.parseLong(key.substring(colon + 1));
        } catch (NumberFormatException e) {
            id = 0;
        }
        Object account = row.getProperty(ACCOUNT);
        if (kind.isEmpty() || id < 1 || !(account instanceof String text) || text.isBlank()) {
            return null;
        }
        Object updated = row.getProperty(UPDATED_AT);
        return new CrossReferenceEntry(new CustomerReference(row.getPartitionKey(), kind.get(), id), text,
                CrossReferenceSource.ofCode((String) row.getProperty(SOURCE)).orElse(CrossReferenceSource.OPERATOR),
                updated instanceof OffsetDateTime odt ? odt.toInstant() : Instant.EPOCH);
    }

    /**
     * Runs one storage call, turning an SDK failure into the bridge's error family: the classifier then
     * decides by the HTTP status (5xx, 408, 429 retriable) or, without one, by the cause (a refused
     * connection is retriable).
     */
    private <T> T call(String operation, Supplier<T> storageCall) {
        try {
            return storageCall.get();
        } catch (BridgeException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            int status = e instanceof HttpResponseException http && http.getResponse() != null
                    ? http.getResponse().getStatusCode() : 0;
            throw BridgeException.builder(ExternalSystem.STORAGE, "Customer cross-reference " + tableName + ": "
                    + operation + " failed: " + e.getClass().getSimpleName()).httpStatus(status).cause(e).build();
        }
    }
}
