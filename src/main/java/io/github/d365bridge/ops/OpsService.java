package io.github.d365bridge.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;

import io.github.d365bridge.config.RuntimeConfig;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.dmf.DmfJobStore;
import io.github.d365bridge.flow.orders.LedgerCounts;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.runtime.QueueDispatcher;
import io.github.d365bridge.storage.FailureLog;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;

/** Health, status and replay: what operators can see and do, independent of how HTTP reaches it. */
@ApplicationScoped
public class OpsService {

    private final StorageAccount storage;
    private final HandlerRegistry registry;
    private final FailureLog failures;
    private final QueuePublisher publisher;
    private final RuntimeConfig runtime;
    private final OrderLedger ledger;
    private final DmfJobStore dmfJobs;
    private final io.github.d365bridge.flow.sync.SyncEngine sync;

    @Inject
    public OpsService(StorageAccount storage, HandlerRegistry registry, FailureLog failures, QueuePublisher publisher,
            RuntimeConfig runtime, OrderLedger ledger, DmfJobStore dmfJobs, io.github.d365bridge.flow.sync.SyncEngine sync) {
        this.sync = sync;
        this.ledger = ledger;
        this.dmfJobs = dmfJobs;
        this.storage = storage;
        this.registry = registry;
        this.failures = failures;
        this.publisher = publisher;
        this.runtime = runtime;
    }

    /** Each storage service and whether it answered; all "OK" means healthy. */
    public Map<String, String> storageHealth() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("blob", probe(() -> storage.blobService().getProperties()));
        checks.put("queue", probe(() -> storage.queueService().getProperties()));
        checks.put("table", probe(() -> storage.tableService().getProperties()));
        return checks;
    }

    private static String probe(Runnable call) {
        try {
            call.run();
            return "OK";
        } catch (RuntimeException e) {
            return "DOWN: " + e.getClass().getSimpleName();
        }
    }

    public StatusView status(int failureLimit) {
        List<StatusView.QueueStatus> queues = new ArrayList<>();
        for (String queue : registry.queues()) {
            queues.add(new StatusView.QueueStatus(queue, depth(queue), depth(QueueDispatcher.poisonQueue(queue))));
        }
        List<LedgerEntry> failedOrders = ledger.recentlyFailed(failureLimit);
        List<DmfJob> inFlight;
        try (Stream<DmfJob> jobs = dmfJobs.inFlight()) {
            inFlight = jobs.toList();
        }
        LedgerCounts counts = ledger.counts();
        // the latest run of each sync flow (one query and a read per legal entity each)
        Map<String, io.github.d365bridge.flow.sync.SyncEngine.RunSummary> syncRuns = new LinkedHashMap<>();
        for (String flow : sync.flowNames()) {
            sync.latest(flow, 1).forEach(summary -> syncRuns.put(flow, summary));
        }
        return new StatusView(Instant.now(), runtime.standalone(), storage.isEmbedded(), queues,
                failures.open(failureLimit), counts.byState(), counts.bySource(), inFlight, failedOrders, syncRuns);
    }

    private long depth(String queue) {
        return storage.queue(queue).getProperties().getApproximateMessagesCount();
    }

    /**
     * Moves up to {@code max} messages from {@code <queue>-poison} back to {@code queue}, unchanged, and
     * marks their failures finished. Only messages poisoned before the replay started are moved: a
     * message that fails again lands in the poison queue anew and must not be replayed in a loop. Each
     * message is re-sent before it is deleted from the poison queue, so a crash in between duplicates
     * (harmless: handlers are idempotent) rather than loses.
     */
    public int replayPoison(String queue, int max) {
        if (registry.forQueue(queue).isEmpty()) {
            throw new IllegalArgumentException("No handler listens on queue '" + queue + "'; known queues: "
                    + registry.queues());
        }
        QueueClient poison = storage.queue(QueueDispatcher.poisonQueue(queue));
        // Storage timestamps have one-second resolution: anything inserted in the current second counts as new.
        Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int replayed = 0;
        while (replayed < max) {
            List<QueueMessageItem> batch = new ArrayList<>();
            poison.receiveMessages(Math.min(32, max - replayed), Duration.ofMinutes(1), null, null).forEach(batch::add);
            if (batch.isEmpty()) {
                break;
            }
            boolean reachedNewOnes = false;
            for (QueueMessageItem item : batch) {
                if (item.getInsertionTime() != null && !item.getInsertionTime().toInstant().isBefore(started)) {
                    poison.updateMessage(item.getMessageId(), item.getPopReceipt(), null, Duration.ZERO);
                    reachedNewOnes = true;
                    continue;
                }
                publisher.sendRaw(queue, item.getBody().toString(), Duration.ZERO);
                poison.deleteMessage(item.getMessageId(), item.getPopReceipt());
                failures.markFinished(queue, item.getMessageId());
                replayed++;
            }
            if (reachedNewOnes) {
                break;
            }
        }
        return replayed;
    }
}
