package io.github.d365bridge.flow.orders.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.github.d365bridge.flow.dmf.ImportPlan;
import io.github.d365bridge.flow.orders.OrderKey;

/**
 * A batch claimed and packaged but not yet submitted: the next import of a company, built while its data
 * project was still busy so that only the upload and the import call are left when the project frees.
 * Its orders are PACKAGED with the execution id of {@code plan} and no job record exists yet, exactly
 * as for a packager that stalled between claiming and recording: if the reconciler gives the execution
 * up meanwhile, the start is refused and nothing is submitted.
 *
 * @param plan       the import, its package written
 * @param orders     the orders in the package
 * @param preparedAt when it was packaged
 */
record PreparedBatch(ImportPlan plan, Set<OrderKey> orders, Instant preparedAt) {

    PreparedBatch {
        orders = Set.copyOf(orders);
    }

    String batchId() {
        return plan.batchId();
    }

    /** Older than {@code limit}: released rather than kept, long before the reconciler would look at it. */
    boolean isOlderThan(Duration limit, Instant now) {
        return Duration.between(preparedAt, now).compareTo(limit) > 0;
    }
}
