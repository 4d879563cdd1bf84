package io.github.d365bridge.storage;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.azure.core.http.rest.PagedIterable;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.azure.data.tables.models.TableServiceException;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionFailedException;

/**
 * Table storage with the two conditional writes that make steps idempotent: insert-if-absent (the
 * first writer wins, a duplicate learns it lost) and update-if-unchanged (ETag match, so two workers
 * cannot both advance the same record).
 */
public final class StateTable {

    private final TableClient table;

    public StateTable(StorageAccount storage, String tableName) {
        this.table = storage.table(tableName);
    }

    /** Inserts {@code entity}; false when a record with its keys already exists. */
    public boolean insertIfAbsent(TableEntity entity) {
        try {
            table.createEntity(entity);
            return true;
        } catch (TableServiceException e) {
            if (e.getResponse().getStatusCode() == 409) {
                return false;
            }
            throw e;
        }
    }

    public Optional<TableEntity> get(String partitionKey, String rowKey) {
        try {
            return Optional.of(table.getEntity(partitionKey, rowKey));
        } catch (TableServiceException e) {
            if (e.getResponse().getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Replaces {@code entity} only if it is unchanged since it was read (its ETag still matches).
     *
     * @throws ConcurrentUpdateException when someone else changed or deleted it first
     */
    public void replaceIfUnchanged(TableEntity entity) {
        try {
            table.updateEntityWithResponse(entity, TableEntityUpdateMode.REPLACE, true, null, null);
        } catch (TableServiceException e) {
            int status = e.getResponse().getStatusCode();
            if (status == 412 || status == 404) {
                throw new ConcurrentUpdateException(table.getTableName(), entity.getPartitionKey(), entity.getRowKey());
            }
            throw e;
        }
    }

    /** Inserts or replaces without a condition: for records with a single writer (checkpoints). */
    public void upsert(TableEntity entity) {
        table.upsertEntity(entity);
    }

    /** Deletes the record; false when there was none. */
    public boolean delete(String partitionKey, String rowKey) {
        try {
            // the SDK answers a missing record with a 404 response rather than an exception here
            return table.deleteEntityWithResponse(new TableEntity(partitionKey, rowKey), false, null, null)
                    .getStatusCode() != 404;
        } catch (TableServiceException e) {
            if (e.getResponse().getStatusCode() != 404) {
                throw e;
            }
            return false;
        }
    }

    /** Deletes the record only if it is unchanged since it was read; false when it changed or is gone. */
    public boolean deleteIfUnchanged(TableEntity entity) {
        try {
            table.deleteEntityWithResponse(entity, true, null, null);
            return true;
        } catch (TableServiceException e) {
            int status = e.getResponse().getStatusCode();
            if (status == 412 || status == 404) {
                return false;
            }
            throw e;
        }
    }

    /** How an all-or-nothing group of writes ended. */
    public enum Transaction {
        /** Every write applied. */
        APPLIED,
        /** Nothing applied: a record to be created exists already. */
        EXISTS,
        /** Nothing applied: a record changed or vanished since it was read (ETag or existence check failed). */
        CHANGED
    }

    /**
     * Applies the writes atomically, in one request (an entity group transaction: all on one partition, at
     * most 100, each record at most once). A refused condition is an answer, not an error; anything else
     * (a malformed group, Storage down) is thrown.
     */
    public Transaction transact(List<TableTransactionAction> actions) {
        try {
            table.submitTransaction(actions);
            return Transaction.APPLIED;
        } catch (TableTransactionFailedException e) {
            // the SDK reports a refused action by its error code (the batch's own response is a 202)
            String code = e.getValue() == null || e.getValue().getErrorCode() == null ? ""
                    : e.getValue().getErrorCode().toString();
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            if (status == 409 || "EntityAlreadyExists".equals(code)) {
                return Transaction.EXISTS;
            }
            if (status == 412 || status == 404 || "UpdateConditionNotSatisfied".equals(code)
                    || "ConditionNotMet".equals(code) || "ResourceNotFound".equals(code)
                    || "EntityNotFound".equals(code)) {
                return Transaction.CHANGED;
            }
            throw e;
        }
    }

    /** Streams the records matching an OData filter page by page ({@code null} for all). */
    public Stream<TableEntity> query(String filter, Integer pageSize, List<String> select) {
        ListEntitiesOptions options = new ListEntitiesOptions().setFilter(filter).setTop(pageSize).setSelect(select);
        PagedIterable<TableEntity> pages = table.listEntities(options, null, null);
        return pages.stream();
    }

    public String name() {
        return table.getTableName();
    }
}
