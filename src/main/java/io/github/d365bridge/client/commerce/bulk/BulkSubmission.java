package io.github.d365bridge.client.commerce.bulk;

import java.util.List;

/**
 * An accepted bulk: its uuid (to poll and to store in the job record) and one outcome per submitted
 * entry: {@code OPEN} when queued, {@code REJECTED} when Commerce refused the item at once.
 */
public record BulkSubmission(String bulkUuid, String route, List<BulkOutcome> items) {

    public BulkSubmission {
        items = List.copyOf(items);
    }

    public List<BulkOutcome> rejected() {
        return items.stream().filter(i -> i.status() == BulkOperationStatus.REJECTED).toList();
    }

    /** Whether anything was queued, i.e. whether polling can tell more. */
    public boolean hasQueuedItems() {
        return items.stream().anyMatch(i -> i.status() != BulkOperationStatus.REJECTED);
    }
}
