package io.github.d365bridge.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderState;

import io.github.d365bridge.storage.FailureRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an operator sees at {@code /ops/status}: {@code orders} counts the ledger by state,
 * {@code ordersBySource} by how the bridge first heard of each order (webhook, io-event, poll), which shows
 * whether webhooks or events arrive or the poll is doing all the work.
 */
@RegisterForReflection
public record StatusView(Instant at, boolean standalone, boolean embeddedStorage, List<QueueStatus> queues,
        List<FailureRecord> openFailures, Map<OrderState, Long> orders, Map<String, Long> ordersBySource,
        List<DmfJob> dmfJobsInFlight, List<LedgerEntry> latestFailedOrders,
        Map<String, io.github.d365bridge.flow.sync.SyncEngine.RunSummary> latestSyncRuns) {

    /** Depth of a queue and of its poison queue (approximate, as Azure reports them). */
    @RegisterForReflection
    public record QueueStatus(String queue, long depth, long poisonDepth) {
    }
}
