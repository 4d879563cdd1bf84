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
 * What a finished order import means for each of its orders. Succeeded: D365's numbers are read back by
 * customer reference and each order is imported (then written back). PartiallySucceeded: the orders in
 * the error-keys files fail with D365's own text, the rest are imported. Failed, Canceled or stuck: the
 * orders go back to be packaged again (in smaller batches) until their attempts are used up; an order
 * that failed alone with no attempts left fails with the job's errors.
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
        List<LedgerEntry> orders = importing(job);
        if (orders.isEmpty()) {
            return; // a repeated notification: every order already moved on
        }
        DmfExecutionStatus status = job.lastStatus();
        if (status == DmfExecutionStatus.SUCCEEDED || status == DmfExecutionStatus.PARTIALLY_SUCCEEDED) {
            Map<OrderKey, String> failures = status == DmfExecutionStatus.PARTIALLY_SUCCEEDED ? failures(job, orders)
                    : Map.of();
            settle(job, orders, failures);
        } else {
            retryOrFail(job, orders, "DMF job " + job.executionId() + " ended " + status + ": " + jobErrors(job));
        }
    }

    @Override
    public void onDeadlinePassed(DmfJob job) {
        retryOrFail(job, importing(job), "DMF job " + job.executionId() + " was not finished by its deadline "
                + job.deadline());
    }

    private List<LedgerEntry> importing(DmfJob job) {
        try (Stream<LedgerEntry> entries = ledger.inBatch(job.batchId())) {
            return entries.filter(e -> e.state() == OrderState.IMPORTING && job.executionId().equals(e.executionId()))
                    .toList();
        }
    }

    /** D365's error text per order, from the error-keys files of the header and line entities. */
    private Map<OrderKey, String> failures(DmfJob job, List<LedgerEntry> orders) {
        Map<String, OrderKey> byReference = orders.stream()
                .collect(Collectors.toMap(e -> e.key().toString(), LedgerEntry::key));
        // Line errors carry only the package-local order number the mapper gave the order.
        Map<String, OrderKey> byPackageNumber = orders.stream().collect(Collectors.toMap(
                e -> mapped.get(e.key()).packageOrderNumber(), LedgerEntry::key, (a, b) -> a));
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

    private void settle(DmfJob job, List<LedgerEntry> orders, Map<OrderKey, String> failures) {
        Map<OrderKey, String> numbers = lookup.salesOrderNumbers(job.legalEntity(),
                orders.stream().map(LedgerEntry::key).toList());
        for (LedgerEntry entry : orders) {
            String failure = failures.get(entry.key());
            String number = numbers.get(entry.key());
            if (failure != null) {
                advance(entry.moveTo(OrderState.FAILED).withError("D365 refused the order: " + failure
                        + removePartialOrder(job.legalEntity(), number)));
            } else if (number != null) {
                if (advance(entry.moveTo(OrderState.IMPORTED).withSalesOrderNumber(number))) {
                    writeBack.accept(entry.key());
                }
            } else {
                // D365 reported success but has no order with this reference (e.g. a package without field map).
                retryOrFail(job, List.of(entry), "DMF job " + job.executionId() + " ended " + job.lastStatus()
                        + " but D365 has no sales order with customer reference " + entry.key());
            }
        }
        LOG.infof("Batch %s: %d imported, %d failed", job.batchId(), orders.size() - failures.size(), failures.size());
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

    private void retryOrFail(DmfJob job, List<LedgerEntry> orders, String reason) {
        for (LedgerEntry entry : orders) {
            // Alone in its batch, the failure is this order's own; otherwise it goes back to be re-packaged
            // in a smaller batch, until its attempts are used up.
            boolean alone = orders.size() == 1;
            if (alone || entry.attempts() >= config.maxAttempts()) {
                advance(entry.moveTo(OrderState.FAILED).withError(reason));
            } else {
                advance(entry.moveTo(OrderState.MAPPED).withError(reason));
            }
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
