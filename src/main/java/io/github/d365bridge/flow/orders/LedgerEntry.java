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
 * @param executionId       the DMF execution importing it, if any (known from packaging on, before the import
 *                          is submitted, so D365 can always be asked about it)
 * @param salesOrderNumber  the D365 sales order number once imported
 * @param attempts          failed imports of the order (jobs that ended Failed, Canceled or without it, or that
 *                          D365 refused); lost races, busy projects, outages and failed uploads do not count
 * @param maxBatch          the largest batch it may go in next (half its last failed batch; 0 = no limit), so
 *                          a bad order ends up alone
 * @param lastError         why it failed (D365's text when D365 refused it)
 * @param updatedAt         last change (or the reconciler's last look)
 * @param etag              the table ETag of this read
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record LedgerEntry(OrderKey key, OrderState state, String legalEntity, Long commerceEntityId,
        String correlationId, String source, String batchId, String executionId, String salesOrderNumber, int attempts,
        int maxBatch, String lastError, Instant updatedAt, String etag) {

    /** The same entry moved to {@code target}; fails if the transition is not allowed. */
    public LedgerEntry moveTo(OrderState target) {
        if (!state.next().contains(target)) {
            throw new IllegalStateException("Order " + key + " cannot go from " + state + " to " + target);
        }
        return new LedgerEntry(key, target, legalEntity, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts, maxBatch, lastError, Instant.now(), etag);
    }

    public LedgerEntry withLegalEntity(String value) {
        return new LedgerEntry(key, state, value, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts, maxBatch, lastError, updatedAt, etag);
    }

    /** Packaged into {@code batch}, to be imported as {@code execution}. */
    public LedgerEntry withBatch(String batch, String execution) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batch, execution,
                salesOrderNumber, attempts, maxBatch, lastError, updatedAt, etag);
    }

    /** Out of any batch (back to be packaged, or replayed). */
    public LedgerEntry withoutBatch() {
        return withBatch(null, null);
    }

    public LedgerEntry withSalesOrderNumber(String value) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, executionId, value,
                attempts, maxBatch, lastError, updatedAt, etag);
    }

    public LedgerEntry withError(String value) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts, maxBatch, value, updatedAt, etag);
    }

    /** One more failed import, in a batch of {@code batchSize}: next time at most half as many. */
    public LedgerEntry withFailedImport(int batchSize) {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts + 1, Math.max(1, (batchSize + 1) / 2), lastError, updatedAt, etag);
    }

    /** Attempts and batch limit back to a fresh start (an operator's replay). */
    public LedgerEntry withAttemptsReset() {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, 0, 0, lastError, updatedAt, etag);
    }

    /** Unchanged but for the time: the reconciler looked at it and acted. */
    public LedgerEntry touched() {
        return new LedgerEntry(key, state, legalEntity, commerceEntityId, correlationId, source, batchId, executionId,
                salesOrderNumber, attempts, maxBatch, lastError, Instant.now(), etag);
    }
}
