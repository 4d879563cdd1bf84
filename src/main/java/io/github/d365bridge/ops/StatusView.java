package io.github.d365bridge.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderState;

import io.github.d365bridge.storage.FailureRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an operator sees at {@code /ops/status}. */
@RegisterForReflection
public record StatusView(Instant at, boolean standalone, boolean embeddedStorage, List<QueueStatus> queues,
        List<FailureRecord> openFailures, Map<OrderState, Long> orders, List<DmfJob> dmfJobsInFlight,
        List<LedgerEntry> latestFailedOrders) {

    /** Depth of a queue and of its poison queue (approximate, as Azure reports them). */
    @RegisterForReflection
    public record QueueStatus(String queue, long depth, long poisonDepth) {
    }
}
