package io.github.d365bridge.client.commerce.bulk;

import java.util.List;

/**
 * The state of every entry of a bulk after polling. {@code deadlineReached} with open entries means
 * Commerce did not finish in time (often: the {@code async.operations.all} consumer is not running):
 * an operator alert, never success.
 */
public record BulkReport(String bulkUuid, List<BulkOutcome> outcomes, boolean deadlineReached) {

    public BulkReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<BulkOutcome> withStatus(BulkOperationStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    public List<BulkOutcome> open() {
        return withStatus(BulkOperationStatus.OPEN);
    }

    /** No entry is open any more (each one completed, failed or was rejected). */
    public boolean isFinished() {
        return open().isEmpty();
    }

    public boolean allComplete() {
        return outcomes.stream().allMatch(o -> o.status() == BulkOperationStatus.COMPLETE);
    }
}
