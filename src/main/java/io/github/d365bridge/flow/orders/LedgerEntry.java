package io.github.d365bridge.flow.orders;

import java.time.Instant;

/**
 * One order's ledger record as read (immutable; {@code etag} makes the next write conditional).
 *
 * @param key               store code and increment id
 * @param state             where the order stands
 * @param legalEntity       D365 company the order maps to (null until mapped)
 * @param commerceEntityId  Commerce {@code entity_id}, for the write-back
 * @param correlationId     follows the order from intake to write-back
 * @param source            how the bridge first heard of the order: {@code webhook}, {@code io-event} or
 *                          {@code poll} (null for entries recorded before the ledger kept it)
 * @param batchId           the DMF batch the order is packaged in, if any
 * @param executionId       the DMF execution importing it, if any
 * @param salesOrderNumber  the D365 sales order number once imported
 * @param attempts          how often the order was (re)packaged
 * @param lastError         why it failed (D365's text when D365 refused it)
 * @param updatedAt         last change
 * @param etag              the table ETag of this read
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record LedgerEntry(OrderKey key, OrderState state, String legalEntity, Long commerceEntityId,
        String correlationId, String source, String batchId, String executionId, String salesOrderNumber, int attempts,
        String lastError, Instant updatedAt, String etag) {

    /** The same entry moved to {@code target}; fails if the transition is not allowed. */
    public LedgerEntry moveTo(OrderState target) {
        if (!state.next().contains(target)) {
            throw new IllegalStateException("Order " + key + " cannot go from " + state + " to " + target);
        }
        return new LedgerEntry(key, target, legalEntity, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts, lastError, Instant.now(), etag);
    }

    public LedgerEntry withLegalEntity(String value) {
        return new LedgerEntry(key, state, value, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts, lastError, updatedAt, etag);
    }

    public LedgerEntry withBatch(String value) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, value, executionId,
                salesOrderNumber, attempts + 1, lastError, updatedAt, etag);
    }

    public LedgerEntry withExecution(String value) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, value,
                salesOrderNumber, attempts, lastError, updatedAt, etag);
    }

    public LedgerEntry withSalesOrderNumber(String value) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, executionId, value,
                attempts, lastError, updatedAt, etag);
    }

    public LedgerEntry withError(String value) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts, value, updatedAt, etag);
    }
}
