package io.github.d365bridge.flow.orders.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.batch.OrderBatcher;
import io.github.d365bridge.storage.ConcurrentUpdateException;

/**
 * The owner of last resort of every order that is not finished. Each step of the flow moves an order on
 * and hands it to the next through a queue; a crash, a lost answer or an outage longer than the retry
 * budget can stop it between two steps. This step finds orders that stayed in one state longer than
 * {@code staleAfter} and starts their next step again, which is safe because every step is idempotent:
 * <ul>
 * <li>RECEIVED (the intake message was lost or poisoned, a replay died before its enqueue): read and map again;</li>
 * <li>PACKAGED or IMPORTING: the DMF supervisor follows the execution they were claimed for (a status check
 *     now if its checks stopped, or its outcome handled again if the job already ended); with no job record
 *     the import was never submitted: a record saying so is written first (so a stalled packager cannot
 *     submit it later) and the orders go back to be packaged, nothing counted against them;</li>
 * <li>IMPORTED (the write-back message was lost): write back again.</li>
 * </ul>
 * MAPPED orders belong to the batch timer, which looks at them every few seconds. Each order acted on is
 * touched first (a conditional write), so two instances never both act on it and it is looked at again
 * only after another {@code staleAfter}.
 */
public final class OrderReconciler {

    private static final Logger LOG = Logger.getLogger(OrderReconciler.class);

    /** What one run did, per kind of action. */
    public record Result(int readAgain, int executionsFollowed, int repackaged, int writtenBackAgain) {
        public boolean isEmpty() {
            return readAgain + executionsFollowed + repackaged + writtenBackAgain == 0;
        }
    }

    private final OrderLedger ledger;
    private final DmfJobSupervisor supervisor;
    private final Consumer<LedgerEntry> readAgain;
    private final Consumer<OrderKey> writeBack;
    private final Duration staleAfter;
    private final String definitionGroup;
    private final Clock clock;

    public OrderReconciler(OrderLedger ledger, DmfJobSupervisor supervisor, Consumer<LedgerEntry> readAgain,
            Consumer<OrderKey> writeBack, Duration staleAfter, String definitionGroup, Clock clock) {
        this.definitionGroup = definitionGroup;
        this.ledger = ledger;
        this.supervisor = supervisor;
        this.readAgain = readAgain;
        this.writeBack = writeBack;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    public Result run() {
        Instant before = clock.instant().minus(staleAfter);
        int read = 0;
        for (LedgerEntry entry : stale(OrderState.RECEIVED, before)) {
            if (touch(entry) && act(entry, () -> readAgain.accept(entry))) {
                read++;
            }
        }
        int followed = 0;
        int repackaged = 0;
        Map<String, List<LedgerEntry>> byExecution = new LinkedHashMap<>();
        for (OrderState state : List.of(OrderState.PACKAGED, OrderState.IMPORTING)) {
            for (LedgerEntry entry : stale(state, before)) {
                byExecution.computeIfAbsent(entry.legalEntity() + "|" + entry.executionId(), k -> new ArrayList<>())
                        .add(entry);
            }
        }
        for (List<LedgerEntry> orders : byExecution.values()) {
            LedgerEntry first = orders.get(0);
            if (first.executionId() == null) {
                repackaged += repackage(orders);
                continue;
            }
            Optional<DmfJob> job = supervisor.job(first.legalEntity(), first.executionId());
            if (job.isEmpty() && supervisor.abandon(first.legalEntity(), first.executionId(), definitionGroup,
                    OrderBatcher.PURPOSE, first.batchId())) {
                // The job is recorded before anything is submitted: without a record nothing of this execution
                // reached D365, and the record just written stops a stalled packager from submitting it later.
                repackaged += repackage(orders);
                continue;
            }
            Optional<DmfJob> known = job.isPresent() ? job : supervisor.job(first.legalEntity(), first.executionId());
            boolean touched = false;
            for (LedgerEntry entry : orders) {
                touched |= touch(entry);
            }
            if (touched && known.isPresent() && act(first, () -> supervisor.resume(known.get()))) {
                followed++;
            }
        }
        int written = 0;
        for (LedgerEntry entry : stale(OrderState.IMPORTED, before)) {
            if (touch(entry) && act(entry, () -> writeBack.accept(entry.key()))) {
                written++;
            }
        }
        Result result = new Result(read, followed, repackaged, written);
        if (!result.isEmpty()) {
            LOG.infof("Reconciler: %d orders read again, %d DMF executions followed up, %d orders packaged again,"
                    + " %d write-backs enqueued again (orders unchanged for %d s)", read, followed, repackaged, written,
                    staleAfter.toSeconds());
        }
        return result;
    }

    private int repackage(List<LedgerEntry> orders) {
        int count = 0;
        for (LedgerEntry entry : orders) {
            if (advance(entry.moveTo(OrderState.MAPPED).withoutBatch())) {
                count++;
            }
        }
        return count;
    }

    /** One order's next step; a failure is logged and the order comes up again after {@code staleAfter}. */
    private static boolean act(LedgerEntry entry, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException failed) {
            LOG.warnf("Reconciler: order %s (%s) could not be moved on now, next look in a while: %s", entry.key(),
                    entry.state(), failed.getMessage());
            return false;
        }
    }

    private List<LedgerEntry> stale(OrderState state, Instant before) {
        try (Stream<LedgerEntry> entries = ledger.inStateSince(state, before)) {
            return entries.toList();
        }
    }

    private boolean touch(LedgerEntry entry) {
        return advance(entry.touched());
    }

    private boolean advance(LedgerEntry next) {
        try {
            ledger.update(next);
            return true;
        } catch (ConcurrentUpdateException movedOnMeanwhile) {
            return false;
        }
    }
}
