package io.github.d365bridge.flow.sync;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.bulk.BulkOperationStatus;
import io.github.d365bridge.client.commerce.bulk.BulkOutcome;
import io.github.d365bridge.client.commerce.bulk.BulkReport;
import io.github.d365bridge.flow.sync.SyncWriter.Pending;
import io.github.d365bridge.flow.sync.SyncWriter.Result;

/**
 * What a bulk operation that did not complete means for its record, the same for every flow: an operation
 * still open when the step stopped waiting is a stale bulk (the consumer is down or slow) and a retriably
 * failed one may pass, so both are tried again on the next run; a failed or rejected one is Commerce refusing
 * this content, kept with Commerce's message until the content changes.
 */
public final class BulkResults {

    private static final Logger LOG = Logger.getLogger(BulkResults.class);

    private BulkResults() {
    }

    public static Result failure(Pending pending, BulkReport report, BulkOutcome outcome, Duration waited) {
        if (outcome.status() == BulkOperationStatus.OPEN) {
            LOG.warnf("Commerce bulk %s is still open after %s: is the async.operations.all consumer running?",
                    report.bulkUuid(), waited);
            return Result.failedForNow(pending, "stale bulk " + report.bulkUuid() + ": still open after " + waited
                    + " (is Commerce's async.operations.all consumer running?)");
        }
        String reason = "Commerce (bulk " + report.bulkUuid() + ", " + outcome.status() + "): "
                + (outcome.message() == null ? "no message" : outcome.message());
        return outcome.status() == BulkOperationStatus.RETRIABLY_FAILED ? Result.failedForNow(pending, reason)
                : Result.failed(pending, reason);
    }
}
