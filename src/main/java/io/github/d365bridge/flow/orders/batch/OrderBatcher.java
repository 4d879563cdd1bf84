package io.github.d365bridge.flow.orders.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.flow.dmf.DmfImportSupervisor;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.dmf.ImportPlan;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.mapping.MappedOrder;
import io.github.d365bridge.flow.orders.mapping.SalesOrderPackage;
import io.github.d365bridge.flow.orders.outcome.D365OrderLookup;
import io.github.d365bridge.storage.ConcurrentUpdateException;

/**
 * Turns mapped orders of one legal entity into one DMF package once there are enough of them or the
 * oldest has waited long enough, and starts its import. Before packaging it asks D365 which of the
 * orders it already has (a run that crashed after the import but before recording it) and records
 * those as imported instead. A batch that failed as a whole comes back here in halves: the batch size
 * allowed for an order shrinks with each of its attempts, so a bad order ends up alone and fails alone.
 */
public final class OrderBatcher {

    public static final String PURPOSE = "orders";
    private static final Logger LOG = Logger.getLogger(OrderBatcher.class);

    private final OrderLedger ledger;
    private final MappedOrderStore mapped;
    private final D365OrderLookup lookup;
    private final DmfImportSupervisor supervisor;
    private final OrderFlowConfig config;
    private final Consumer<OrderKey> writeBack;
    private final Clock clock;

    public OrderBatcher(OrderLedger ledger, MappedOrderStore mapped, D365OrderLookup lookup,
            DmfImportSupervisor supervisor, OrderFlowConfig config, Consumer<OrderKey> writeBack, Clock clock) {
        this.ledger = ledger;
        this.mapped = mapped;
        this.lookup = lookup;
        this.supervisor = supervisor;
        this.config = config;
        this.writeBack = writeBack;
        this.clock = clock;
    }

    /** Packages and starts at most one batch for {@code legalEntity}; the started job, if any. */
    public java.util.Optional<DmfJob> packageReady(String legalEntity) {
        return packageReady(legalEntity, false);
    }

    /**
     * @param projectJustFreed the previous import of this company just ended: whatever waited for it is due
     *                         now, whatever its age (group commit: under load the batch size follows the
     *                         arrival rate times the import's duration, and nobody waits a batch age or a
     *                         timer tick on top of a busy project)
     */
    public java.util.Optional<DmfJob> packageReady(String legalEntity, boolean projectJustFreed) {
        List<LedgerEntry> waiting;
        try (Stream<LedgerEntry> entries = ledger.mappedFor(legalEntity)) {
            // Orders back from a failed batch first, so they are re-packaged together, in halves.
            waiting = entries.sorted(Comparator.comparing(LedgerEntry::attempts).reversed()
                    .thenComparing(LedgerEntry::updatedAt)).toList();
        }
        if (waiting.isEmpty()) {
            return java.util.Optional.empty();
        }
        int size = allowedBatchSize(waiting.get(0));
        Instant oldest = waiting.stream().map(LedgerEntry::updatedAt).min(Comparator.naturalOrder()).orElseThrow();
        boolean due = projectJustFreed || waiting.size() >= size || waiting.get(0).attempts() > 0
                || Duration.between(oldest, clock.instant()).compareTo(config.batchMaxAge()) >= 0;
        if (!due) {
            return java.util.Optional.empty();
        }
        if (supervisor.isBusy(legalEntity, config.definitionGroup())) {
            return java.util.Optional.empty(); // one import per data project and company: wait for the running one
        }
        List<LedgerEntry> candidates = waiting.stream().limit(size).toList();
        List<LedgerEntry> toImport = skipAlreadyInD365(legalEntity, candidates);
        if (toImport.isEmpty()) {
            return java.util.Optional.empty();
        }
        String batchId = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        List<LedgerEntry> packaged = claim(toImport, batchId);
        if (packaged.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path zip = writePackage(batchId, packaged);
        int attempt = packaged.stream().mapToInt(LedgerEntry::attempts).max().orElse(1);
        java.util.Optional<DmfJob> job;
        try {
            job = supervisor.start(new ImportPlan(PURPOSE, batchId, attempt, legalEntity, config.definitionGroup(),
                    List.of(SalesOrderPackage.HEADERS_LABEL, SalesOrderPackage.LINES_LABEL), zip));
        } catch (RuntimeException notStarted) {
            release(batchId); // the import never started: the orders wait for the next round
            throw notStarted;
        }
        if (job.isEmpty()) {
            // Another import of this data project is running: hand the orders back for the next round.
            release(batchId);
            LOG.debugf("Data project %s in %s is busy; %d orders wait", config.definitionGroup(), legalEntity,
                    packaged.size());
            return job;
        }
        markImporting(batchId, job.get().executionId());
        LOG.infof("Batch %s: %d orders of %s importing as %s", batchId, packaged.size(), legalEntity,
                job.get().executionId());
        return job;
    }

    /** Full size for orders never imported, halved for each failed import of the order in front. */
    private int allowedBatchSize(LedgerEntry first) {
        return Math.max(1, config.batchMaxSize() >> Math.min(first.attempts(), 30));
    }

    private List<LedgerEntry> skipAlreadyInD365(String legalEntity, List<LedgerEntry> candidates) {
        Map<OrderKey, String> existing = lookup.salesOrderNumbers(legalEntity,
                candidates.stream().map(LedgerEntry::key).toList());
        List<LedgerEntry> remaining = new ArrayList<>();
        for (LedgerEntry entry : candidates) {
            String number = existing.get(entry.key());
            if (number == null) {
                remaining.add(entry);
                continue;
            }
            advance(entry, e -> e.moveTo(OrderState.PACKAGED).moveTo(OrderState.IMPORTING)
                    .moveTo(OrderState.IMPORTED).withSalesOrderNumber(number));
            writeBack.accept(entry.key());
            LOG.warnf("Order %s is already in D365 as %s: recorded instead of importing it again", entry.key(), number);
        }
        return remaining;
    }

    private List<LedgerEntry> claim(List<LedgerEntry> entries, String batchId) {
        List<LedgerEntry> claimed = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            if (advance(entry, e -> e.moveTo(OrderState.PACKAGED).withBatch(batchId))) {
                claimed.add(entry.withBatch(batchId));
            }
        }
        return claimed;
    }

    private Path writePackage(String batchId, List<LedgerEntry> orders) {
        List<MappedOrder> rows = orders.stream().map(e -> mapped.get(e.key())).toList();
        try {
            Path zip = Files.createTempFile("orders-" + batchId + "-", ".zip");
            try (OutputStream out = Files.newOutputStream(zip)) {
                SalesOrderPackage.write(out, SalesOrderPackage.definition(config.definitionGroup(),
                        "Commerce orders, batch " + batchId), rows);
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the package of batch " + batchId + " failed", e);
        }
    }

    private void release(String batchId) {
        try (Stream<LedgerEntry> entries = ledger.inBatch(batchId)) {
            entries.filter(e -> e.state() == OrderState.PACKAGED)
                    .forEach(e -> advance(e, x -> x.moveTo(OrderState.MAPPED)));
        }
    }

    private void markImporting(String batchId, String executionId) {
        try (Stream<LedgerEntry> entries = ledger.inBatch(batchId)) {
            entries.filter(e -> e.state() == OrderState.PACKAGED)
                    .forEach(e -> advance(e, x -> x.moveTo(OrderState.IMPORTING).withExecution(executionId)));
        }
    }

    /** One conditional step; false when another worker changed the order first. */
    private boolean advance(LedgerEntry entry, java.util.function.UnaryOperator<LedgerEntry> change) {
        try {
            ledger.update(change.apply(entry));
            return true;
        } catch (ConcurrentUpdateException lost) {
            return false;
        }
    }

    /** Legal entities that have mapped orders waiting. */
    public Set<String> legalEntitiesWaiting() {
        try (Stream<LedgerEntry> entries = ledger.inState(OrderState.MAPPED)) {
            return entries.map(LedgerEntry::legalEntity).filter(le -> le != null).collect(Collectors.toSet());
        }
    }

}
