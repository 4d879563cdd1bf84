package io.github.d365bridge.flow.orders.outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.dmf.DmfJobListener;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.client.d365.entities.SalesOrderHeaderV2;
import io.github.d365bridge.client.d365.odata.ODataKey;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;
import io.github.d365bridge.flow.orders.batch.OrderBatcher;
import io.github.d365bridge.flow.orders.mapping.SalesOrderPackage;
import io.github.d365bridge.storage.ConcurrentUpdateException;

/**
 * What the end of an order import means for each of its orders, decided by what D365 has, never by what
 * the bridge assumes. Every order of the execution is looked up in D365 by customer reference: an order
 * D365 has is imported (then written back) unless the error-keys files name it, in which case it fails
 * with D365's own text and its half-created header is deleted. An order D365 does not have goes back to
 * be packaged again in a smaller batch (a failed import counts against it), and fails with the job's
 * errors only when its attempts are used up: never while a job that may still import it runs (the
 * supervisor calls this only once D365 has ended the job), so a failed order never turns up in D365 later.
 * An import D365 never started sends its orders back without counting. Idempotent: a redelivered check
 * or the reconciler may call it again, and orders already imported get their write-back enqueued again.
 */
public final class OrderImportOutcome implements DmfJobListener {

    private static final Logger LOG = Logger.getLogger(OrderImportOutcome.class);

    private final OrderLedger ledger;
    private final D365OrderLookup lookup;
    private final ImportErrorKeys errorKeys;
    private final D365Client d365;
    private final OrderFlowConfig config;
    private final MappedOrderStore mapped;
    private final Consumer<OrderKey> writeBack;

    public OrderImportOutcome(OrderLedger ledger, D365OrderLookup lookup, ImportErrorKeys errorKeys, D365Client d365,
            OrderFlowConfig config, MappedOrderStore mapped, Consumer<OrderKey> writeBack) {
        this.mapped = mapped;
        this.ledger = ledger;
        this.lookup = lookup;
        this.errorKeys = errorKeys;
        this.d365 = d365;
        this.config = config;
        this.writeBack = writeBack;
    }

    @Override
    public String purpose() {
        return OrderBatcher.PURPOSE;
    }

    @Override
    public void onFinished(DmfJob job) {
        List<LedgerEntry> orders = unsettled(job);
        if (orders.isEmpty()) {
            return; // a repeated notification: every order already moved on
        }
        DmfExecutionStatus status = job.lastStatus();
        // A failed job may still name the records it failed on: those failures are the orders' own.
        Map<OrderKey, String> failures = status == DmfExecutionStatus.SUCCEEDED ? Map.of() : failures(job, orders);
        Map<OrderKey, String> numbers = lookup.salesOrderNumbers(job.legalEntity(),
                orders.stream().map(LedgerEntry::key).toList());
        String missingReason = status == DmfExecutionStatus.SUCCEEDED || status == DmfExecutionStatus.PARTIALLY_SUCCEEDED
                ? "DMF job " + job.executionId() + " ended " + status + " but D365 has no sales order with this"
                        + " customer reference"
                : "DMF job " + job.executionId() + " ended " + status + ": " + jobErrors(job);
        int imported = 0;
        int failed = 0;
        for (LedgerEntry entry : orders) {
            String failure = failures.get(entry.key());
            String number = numbers.get(entry.key());
            if (failure != null) {
                failed++;
                advance(toImporting(entry).moveTo(OrderState.FAILED).withError("D365 refused the order: " + failure
                        + removePartialOrder(job.legalEntity(), number)));
            } else if (number != null) {
                imported++;
                if (advance(toImporting(entry).moveTo(OrderState.IMPORTED).withSalesOrderNumber(number))) {
                    writeBack.accept(entry.key());
                }
            } else {
                failedImport(entry, orders.size(), missingReason);
            }
        }
        LOG.infof("Batch %s (%s): %d imported, %d failed, %d to be packaged again", job.batchId(), status, imported,
                failed, orders.size() - imported - failed);
    }

    @Override
    public void onNeverStarted(DmfJob job) {
        List<LedgerEntry> orders = unsettled(job);
        if (orders.isEmpty()) {
            return;
        }
        // Nothing of this execution can arrive any more; an order D365 has anyway came from elsewhere (an
        // earlier run): record it rather than import it twice.
        Map<OrderKey, String> numbers = lookup.salesOrderNumbers(job.legalEntity(),
                orders.stream().map(LedgerEntry::key).toList());
        for (LedgerEntry entry : orders) {
            String number = numbers.get(entry.key());
            if (number != null) {
                if (advance(toImporting(entry).moveTo(OrderState.IMPORTED).withSalesOrderNumber(number))) {
                    writeBack.accept(entry.key());
                }
            } else if (job.refusal() != null) {
                // D365's own verdict on this package: a failed import of each order, split like a failed batch
                failedImport(entry, orders.size(), "D365 refused import " + job.executionId() + ": " + job.refusal());
            } else {
                advance(toImporting(entry).moveTo(OrderState.MAPPED).withoutBatch());
            }
        }
        LOG.infof("Batch %s: D365 never ran %s%s; %d of its orders found in D365, the rest packaged again",
                job.batchId(), job.executionId(), job.refusal() != null ? " (refused)" : "", numbers.size());
    }

    /**
     * The orders of this execution still waiting for its end: IMPORTING, or PACKAGED if a crash came
     * between claiming them and recording the import. Orders already IMPORTED by an earlier run of this
     * listener get their write-back enqueued again (that run may have died before it enqueued them).
     */
    private List<LedgerEntry> unsettled(DmfJob job) {
        List<LedgerEntry> orders = new ArrayList<>();
        try (Stream<LedgerEntry> entries = ledger.inBatch(job.batchId())) {
            entries.filter(e -> job.executionId().equals(e.executionId())).forEach(e -> {
                if (e.state() == OrderState.IMPORTING || e.state() == OrderState.PACKAGED) {
                    orders.add(e);
                } else if (e.state() == OrderState.IMPORTED) {
                    writeBack.accept(e.key());
                }
            });
        }
        return orders;
    }

    private static LedgerEntry toImporting(LedgerEntry entry) {
        return entry.state() == OrderState.PACKAGED ? entry.moveTo(OrderState.IMPORTING) : entry;
    }

    /** One failed import of the order: packaged again in a smaller batch, or FAILED when its attempts are used up. */
    private void failedImport(LedgerEntry entry, int batchSize, String reason) {
        LedgerEntry counted = toImporting(entry).withFailedImport(batchSize).withError(reason);
        advance(counted.attempts() >= config.maxAttempts()
                ? counted.moveTo(OrderState.FAILED).withError(reason + " (after " + counted.attempts() + " imports)")
                : counted.moveTo(OrderState.MAPPED).withoutBatch());
    }

    /** D365's error text per order, from the error-keys files of the header and line entities. */
    private Map<OrderKey, String> failures(DmfJob job, List<LedgerEntry> orders) {
        Map<String, OrderKey> byReference = orders.stream()
                .collect(Collectors.toMap(e -> e.key().toString(), LedgerEntry::key));
        // Line errors carry only the package-local order number the mapper gave the order.
        Map<String, OrderKey> byPackageNumber = new HashMap<>();
        for (LedgerEntry e : orders) {
            mapped.find(e.key()).ifPresent(m -> byPackageNumber.putIfAbsent(m.packageOrderNumber(), e.key()));
        }
        Map<OrderKey, String> failed = new HashMap<>();
        for (String entity : List.of(SalesOrderPackage.HEADERS_LABEL, SalesOrderPackage.LINES_LABEL)) {
            for (ImportErrorKeys.FailedRecord record : errorKeys.failedRecords(job.executionId(), entity)) {
                OrderKey key = byReference.get(record.keys().getOrDefault("CUSTOMERSORDERREFERENCE", ""));
                if (key == null) {
                    key = byPackageNumber.get(record.keys().getOrDefault("SALESORDERNUMBER", ""));
                }
                if (key == null) {
                    LOG.warnf("Error record of %s matches no order of batch %s: %s", job.executionId(), job.batchId(),
                            record.keys());
                }
                if (key != null) {
                    failed.merge(key, entity + ": " + record.error(), (a, b) -> a + "; " + b);
                }
            }
        }
        return failed;
    }

    /**
     * D365 imports headers and lines as separate records: a header whose line failed is created without
     * it. Such a half order is deleted (D365 deletes its lines with it), so D365 never ships a partial
     * order and a replay imports the whole order again instead of finding the half one.
     */
    private String removePartialOrder(String legalEntity, String salesOrderNumber) {
        if (salesOrderNumber == null) {
            return "";
        }
        try {
            boolean deleted = d365.odata().delete(SalesOrderHeaderV2.ENTITY_SET,
                    ODataKey.of("dataAreaId", legalEntity, "SalesOrderNumber", salesOrderNumber));
            if (!deleted) {
                return " (D365 had created sales order " + salesOrderNumber + " without the failed lines; it is gone now)";
            }
            return " (D365 had created sales order " + salesOrderNumber + " without the failed lines; the bridge"
                    + " deleted it so the order can be replayed whole)";
        } catch (RuntimeException e) {
            LOG.errorf("Partial sales order %s in %s could not be deleted: %s", salesOrderNumber, legalEntity,
                    e.getMessage());
            return " (D365 created sales order " + salesOrderNumber + " without the failed lines and it could not be"
                    + " deleted: delete it in D365 before replaying this order)";
        }
    }

    private String jobErrors(DmfJob job) {
        List<String> messages = new ArrayList<>();
        d365.dmf().getExecutionErrors(job.executionId()).stream().limit(5).forEach(e -> messages.add(e.toString()));
        return messages.isEmpty() ? "no error details from D365" : String.join("; ", messages);
    }

    private boolean advance(LedgerEntry next) {
        try {
            ledger.update(next);
            return true;
        } catch (ConcurrentUpdateException lost) {
            return false;
        }
    }
}
