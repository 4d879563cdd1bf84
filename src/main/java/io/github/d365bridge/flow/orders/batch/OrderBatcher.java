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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.d365.pkg.PackageFolder;
import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.flow.dmf.DmfImportNotStartedException;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
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
 * those as imported instead. Each order is claimed with the execution id it will be imported as, before
 * anything is submitted, so whatever happens next D365 can be asked about exactly that execution.
 * A batch that failed comes back in halves (each order remembers half its last failed batch), so a bad
 * order ends up alone and fails alone; nothing that is not the order's fault counts against it.
 * While a company's import runs and a full batch more waits, that batch is claimed and packaged already
 * ({@link PreparedBatch}), so the next import starts the moment the project frees.
 */
public final class OrderBatcher {

    public static final String PURPOSE = "orders";
    private static final Logger LOG = Logger.getLogger(OrderBatcher.class);
    /** Longer than a packager normally takes; a hung one is left to the timer's next tick. */
    private static final Duration KICK_WAIT = Duration.ofMinutes(1);

    private final OrderLedger ledger;
    private final MappedOrderStore mapped;
    private final PackageFolder packages;
    private final D365OrderLookup lookup;
    private final DmfJobSupervisor supervisor;
    private final OrderFlowConfig config;
    private final Consumer<OrderKey> writeBack;
    private final Consumer<LedgerEntry> readAgain;
    private final Clock clock;
    /**
     * The batch timer and the import-ended kick run at once under load. The timer skips a company being
     * packaged; the kick waits for it, since a kick that skipped would leave the freed project idle until
     * the next tick (the packager it met may be preparing the very batch the kick is to start).
     */
    private final Map<String, ReentrantLock> packaging = new ConcurrentHashMap<>();
    /** The next batch of a company, packaged while its project was busy; read and written under its lock. */
    private final Map<String, PreparedBatch> prepared = new ConcurrentHashMap<>();

    /**
     * @param writeBack  enqueues the write-back of an order found already in D365
     * @param readAgain  enqueues an order whose mapped rows are gone to be read and mapped again
     */
    public OrderBatcher(OrderLedger ledger, MappedOrderStore mapped, PackageFolder packages, D365OrderLookup lookup,
            DmfJobSupervisor supervisor, OrderFlowConfig config, Consumer<OrderKey> writeBack,
            Consumer<LedgerEntry> readAgain, Clock clock) {
        this.ledger = ledger;
        this.mapped = mapped;
        this.packages = packages;
        this.lookup = lookup;
        this.supervisor = supervisor;
        this.config = config;
        this.writeBack = writeBack;
        this.readAgain = readAgain;
        this.clock = clock;
    }

    /** Packages and starts at most one batch for {@code legalEntity}; the started job, if any. */
    public Optional<DmfJob> packageReady(String legalEntity) {
        return packageReady(legalEntity, false);
    }

    /**
     * @param projectJustFreed the previous import of this company just ended: whatever waited for it is due
     *                         now, whatever its age (group commit: under load the batch size follows the
     *                         arrival rate times the import's duration, and nobody waits a batch age or a
     *                         timer tick on top of a busy project)
     */
    public Optional<DmfJob> packageReady(String legalEntity, boolean projectJustFreed) {
        ReentrantLock lock = packaging.computeIfAbsent(legalEntity, le -> new ReentrantLock());
        if (!acquire(lock, projectJustFreed)) {
            return Optional.empty(); // this process is packaging the company right now
        }
        try {
            return packageNow(legalEntity, projectJustFreed);
        } finally {
            lock.unlock();
        }
    }

    /** At once for a timer tick; for a kick, as soon as the packager in progress is done (bounded). */
    private static boolean acquire(ReentrantLock lock, boolean projectJustFreed) {
        if (!projectJustFreed) {
            return lock.tryLock();
        }
        try {
            return lock.tryLock(KICK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<DmfJob> packageNow(String legalEntity, boolean projectJustFreed) {
        Optional<DmfJob> started = startPrepared(legalEntity);
        List<LedgerEntry> waiting;
        Instant now = clock.instant();
        try (Stream<LedgerEntry> entries = ledger.mappedFor(legalEntity)) {
            // Orders back from a failed batch first (once their retry delay has passed), so they are
            // re-packaged together, in halves.
            waiting = entries.filter(e -> !now.isBefore(e.updatedAt().plus(retryDelay(e.attempts()))))
                    .sorted(Comparator.comparing(LedgerEntry::attempts).reversed()
                            .thenComparing(LedgerEntry::updatedAt)).toList();
        }
        if (waiting.isEmpty()) {
            return started;
        }
        int size = allowedBatchSize(waiting.get(0));
        Instant oldest = waiting.stream().map(LedgerEntry::updatedAt).min(Comparator.naturalOrder()).orElseThrow();
        boolean due = projectJustFreed || waiting.size() >= size || waiting.get(0).attempts() > 0
                || Duration.between(oldest, now).compareTo(config.batchMaxAge()) >= 0;
        if (started.isPresent() || (due && supervisor.isBusy(legalEntity, config.definitionGroup()))) {
            // one import per data project and company: the next full batch waits for the running one, packaged
            prepareAhead(legalEntity, waiting, size);
            return started;
        }
        if (!due) {
            return Optional.empty();
        }
        return packaged(legalEntity, waiting, size).flatMap(this::start);
    }

    /** A batch of this company packaged while its project was busy, started if the project is free now. */
    private Optional<DmfJob> startPrepared(String legalEntity) {
        PreparedBatch batch = prepared.remove(legalEntity);
        if (batch == null) {
            return Optional.empty();
        }
        if (batch.isOlderThan(config.reconcileAfter().dividedBy(2), clock.instant())) {
            discard(batch); // packaged afresh below or on a later round
            return Optional.empty();
        }
        if (supervisor.isBusy(legalEntity, config.definitionGroup())) {
            prepared.put(legalEntity, batch);
            return Optional.empty();
        }
        return start(batch);
    }

    /** Packages the next batch while the project is busy, if a full one waits and none is packaged yet. */
    private void prepareAhead(String legalEntity, List<LedgerEntry> waiting, int size) {
        if (!config.prepareNextBatch() || waiting.size() < size || prepared.containsKey(legalEntity)) {
            return;
        }
        packaged(legalEntity, waiting, size).ifPresent(batch -> {
            prepared.put(legalEntity, batch);
            LOG.debugf("Batch %s: %d orders of %s packaged while the data project is busy", batch.batchId(),
                    batch.orders().size(), legalEntity);
        });
    }

    private void discard(PreparedBatch batch) {
        release(batch.batchId());
        packages.delete(batch.plan().packageFile()); // uploaded, or not: a new round writes a new one
    }

    private Optional<DmfJob> start(PreparedBatch batch) {
        try {
            return startImport(batch.plan(), batch.batchId(), batch.orders());
        } finally {
            packages.delete(batch.plan().packageFile()); // uploaded, or not: a new round writes a new one
        }
    }

    /** Claims up to {@code size} of the waiting orders for a new batch and writes their package. */
    private Optional<PreparedBatch> packaged(String legalEntity, List<LedgerEntry> waiting, int size) {
        List<LedgerEntry> toImport = skipAlreadyInD365(legalEntity, waiting.stream().limit(size).toList());
        if (toImport.isEmpty()) {
            return Optional.empty();
        }
        String batchId = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        int attempt = 1 + toImport.stream().mapToInt(LedgerEntry::attempts).max().orElse(0);
        ImportPlan plan = new ImportPlan(PURPOSE, batchId, attempt, legalEntity, config.definitionGroup(),
                List.of(SalesOrderPackage.HEADERS_LABEL, SalesOrderPackage.LINES_LABEL), null);
        List<LedgerEntry> claimed = claim(toImport, batchId, plan.executionId());
        List<MappedOrder> rows = rowsOf(claimed, batchId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Path zip = writePackage(batchId, rows);
        return Optional.of(new PreparedBatch(plan.withPackage(zip), rows.stream().map(MappedOrder::orderKey)
                .collect(Collectors.toSet()), clock.instant()));
    }

    private Optional<DmfJob> startImport(ImportPlan plan, String batchId, Set<OrderKey> inPackage) {
        int orders = inPackage.size();
        Optional<DmfJob> job;
        try {
            job = supervisor.start(plan);
        } catch (DmfImportNotStartedException notStarted) {
            release(batchId); // nothing was submitted: nobody's fault, the orders wait for the next round
            LOG.warnf("Batch %s of %s did not start: %s", batchId, plan.legalEntity(), notStarted.getMessage());
            return Optional.empty();
        }
        if (job.isEmpty()) {
            // Another import of this data project is running: hand the orders back for the next round.
            release(batchId);
            LOG.debugf("Data project %s in %s is busy; %d orders wait", config.definitionGroup(), plan.legalEntity(),
                    orders);
            return job;
        }
        markImporting(batchId, inPackage);
        LOG.infof("Batch %s: %d orders of %s importing as %s", batchId, orders, plan.legalEntity(),
                job.get().executionId());
        return job;
    }

    /** How long an order waits after its {@code attempts}-th failed import: doubling, capped; none before the first. */
    private Duration retryDelay(int attempts) {
        if (attempts == 0) {
            return Duration.ZERO;
        }
        Duration delay = config.importRetryDelay();
        for (int i = 1; i < attempts && delay.compareTo(config.importRetryMaxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.importRetryMaxDelay()) > 0 ? config.importRetryMaxDelay() : delay;
    }

    /** Full size for orders never imported; at most half its last failed batch for an order back from one. */
    private int allowedBatchSize(LedgerEntry first) {
        return first.maxBatch() > 0 ? Math.min(first.maxBatch(), config.batchMaxSize()) : config.batchMaxSize();
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
            if (advance(entry, e -> e.moveTo(OrderState.PACKAGED).moveTo(OrderState.IMPORTING)
                    .moveTo(OrderState.IMPORTED).withSalesOrderNumber(number))) {
                writeBack.accept(entry.key());
                LOG.warnf("Order %s is already in D365 as %s: recorded instead of importing it again", entry.key(),
                        number);
            }
        }
        return remaining;
    }

    private List<LedgerEntry> claim(List<LedgerEntry> entries, String batchId, String executionId) {
        List<LedgerEntry> claimed = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            if (advance(entry, e -> e.moveTo(OrderState.PACKAGED).withBatch(batchId, executionId))) {
                claimed.add(entry);
            }
        }
        return claimed;
    }

    /**
     * The mapped rows of the claimed orders. An order whose rows are gone (deleted, or never written by a
     * crashed intake) is sent back to be read from Commerce and mapped again, instead of stopping the batch.
     */
    private List<MappedOrder> rowsOf(List<LedgerEntry> claimed, String batchId) {
        List<MappedOrder> rows = new ArrayList<>();
        Set<OrderKey> missing = new java.util.HashSet<>();
        for (LedgerEntry entry : claimed) {
            mapped.find(entry.key()).ifPresentOrElse(rows::add, () -> missing.add(entry.key()));
        }
        if (!missing.isEmpty()) {
            try (Stream<LedgerEntry> entries = ledger.inBatch(batchId)) {
                entries.filter(e -> missing.contains(e.key()) && e.state() == OrderState.PACKAGED).forEach(e -> {
                    if (advance(e, x -> x.moveTo(OrderState.RECEIVED).withoutBatch())) {
                        readAgain.accept(e);
                        LOG.warnf("Order %s: its mapped rows are missing; it is read from Commerce and mapped again",
                                e.key());
                    }
                });
            }
        }
        return rows;
    }

    /** The package file of the batch; a half-written one is deleted at once, it is of no use to anyone. */
    private Path writePackage(String batchId, List<MappedOrder> rows) {
        Path zip = packages.newFile("orders-" + batchId + "-");
        try {
            try (OutputStream out = Files.newOutputStream(zip)) {
                SalesOrderPackage.write(out, SalesOrderPackage.definition(config.definitionGroup(),
                        "Commerce orders, batch " + batchId), rows);
            }
            return zip;
        } catch (IOException e) {
            packages.delete(zip);
            throw new UncheckedIOException("Writing the package of batch " + batchId + " failed", e);
        } catch (RuntimeException e) {
            packages.delete(zip);
            throw e;
        }
    }

    /** Back to MAPPED without counting anything against the orders (busy project, failed upload). */
    private void release(String batchId) {
        try (Stream<LedgerEntry> entries = ledger.inBatch(batchId)) {
            entries.filter(e -> e.state() == OrderState.PACKAGED)
                    .forEach(e -> advance(e, x -> x.moveTo(OrderState.MAPPED).withoutBatch()));
        }
    }

    /**
     * The orders in the package are importing. One claimed in the ledger but not in the package (its claim
     * was applied but answered as lost, so it was left out) goes back to be packaged, rather than be
     * counted as missing from a job it was never in.
     */
    private void markImporting(String batchId, Set<OrderKey> inPackage) {
        try (Stream<LedgerEntry> entries = ledger.inBatch(batchId)) {
            entries.filter(e -> e.state() == OrderState.PACKAGED).forEach(e -> advance(e, x -> inPackage.contains(x.key())
                    ? x.moveTo(OrderState.IMPORTING) : x.moveTo(OrderState.MAPPED).withoutBatch()));
        }
    }

    /** One conditional step; false when another worker changed the order first. */
    private boolean advance(LedgerEntry entry, UnaryOperator<LedgerEntry> change) {
        try {
            ledger.update(change.apply(entry));
            return true;
        } catch (ConcurrentUpdateException lost) {
            return false;
        }
    }

    /**
     * Hands the batches packaged ahead back to be packaged again (at shutdown: no other process could start
     * them, and the reconciler would only free their orders after {@code reconcile-after}). A company being
     * packaged right now is left to the reconciler.
     *
     * @return how many batches were released
     */
    public int releasePrepared() {
        int released = 0;
        for (String legalEntity : List.copyOf(prepared.keySet())) {
            ReentrantLock lock = packaging.computeIfAbsent(legalEntity, le -> new ReentrantLock());
            if (!lock.tryLock()) {
                continue;
            }
            try {
                PreparedBatch batch = prepared.remove(legalEntity);
                if (batch != null) {
                    discard(batch);
                    released++;
                }
            } finally {
                lock.unlock();
            }
        }
        return released;
    }

    /** Legal entities that have mapped orders waiting. */
    public Set<String> legalEntitiesWaiting() {
        try (Stream<LedgerEntry> entries = ledger.inState(OrderState.MAPPED)) {
            return entries.map(LedgerEntry::legalEntity).filter(le -> le != null).collect(Collectors.toSet());
        }
    }
}
