package io.github.d365bridge.flow.orders.outcome;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.sales.OrderClient;
import io.github.d365bridge.client.commerce.sales.OrderComment;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.storage.PoisonMessageException;

/**
 * Tells Commerce which D365 sales order an imported order became: an internal order comment (the
 * record of the D365 number) and, only if enabled, {@code ext_order_id}; then marks the order written
 * back. The comment goes first: a crash between the two writes repeats a harmless comment, where the
 * other order could lose it. {@code ext_order_id} is written with the order read just before (see
 * {@code ExtOrderIdSave}), and an order whose {@code ext_order_id} already holds the number is not
 * written again.
 */
public final class OrderWriteBack {

    private static final Logger LOG = Logger.getLogger(OrderWriteBack.class);

    private final CommerceClient commerce;
    private final OrderLedger ledger;
    private final boolean writeExtOrderId;

    public OrderWriteBack(CommerceClient commerce, OrderLedger ledger, boolean writeExtOrderId) {
        this.commerce = commerce;
        this.ledger = ledger;
        this.writeExtOrderId = writeExtOrderId;
    }

    public LedgerEntry writeBack(OrderKey key) {
        LedgerEntry entry = ledger.find(key).orElseThrow(() -> new PoisonMessageException(
                "Write-back for order " + key + " which the ledger does not know"));
        if (entry.state() == OrderState.WRITTEN_BACK) {
            return entry;
        }
        if (entry.state() != OrderState.IMPORTED || entry.salesOrderNumber() == null || entry.commerceEntityId() == null) {
            throw new PoisonMessageException("Write-back for order " + key + " in state " + entry.state()
                    + " (needs IMPORTED with a sales order number and a Commerce entity id)");
        }
        try {
            write(entry);
        } catch (RuntimeException refused) {
            if (ErrorClassifier.isRetriable(refused)) {
                throw refused; // the queue's back-off retries it
            }
            // The order is in D365; only Commerce will not take the number (the order was deleted, the write is
            // refused). FAILED with both facts, instead of a poisoned message the reconciler sends round for ever:
            // a replay finds the order in D365 and writes back again.
            LedgerEntry failed = entry.moveTo(OrderState.FAILED).withError("In D365 as sales order "
                    + entry.salesOrderNumber() + " in " + entry.legalEntity() + ", but Commerce refused the write-back: "
                    + refused.getMessage());
            ledger.update(failed);
            LOG.warnf("Order %s: %s", key, failed.lastError());
            return failed;
        }
        LedgerEntry written = entry.moveTo(OrderState.WRITTEN_BACK);
        ledger.update(written);
        LOG.infof("Order %s written back: D365 sales order %s in %s", key, entry.salesOrderNumber(), entry.legalEntity());
        return written;
    }

    private void write(LedgerEntry entry) {
        OrderKey key = entry.key();
        OrderClient orders = commerce.inStore(key.storeCode()).orders();
        Order current = writeExtOrderId ? orders.get(entry.commerceEntityId()).orElseThrow(() -> new PermanentFailureException(
                ExternalSystem.COMMERCE, "Commerce has no order with entity id " + entry.commerceEntityId())) : null;
        boolean alreadyWritten = current != null && entry.salesOrderNumber().equals(current.extOrderId());
        if (!alreadyWritten) {
            orders.addComment(entry.commerceEntityId(), OrderComment.internal("Imported into Dynamics 365 as sales order "
                    + entry.salesOrderNumber() + " in company " + entry.legalEntity() + ".", null));
            if (current != null) {
                orders.writeExtOrderId(current, entry.salesOrderNumber());
            }
        }
    }
}
