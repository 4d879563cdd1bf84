package io.github.d365bridge.flow.orders.outcome;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.sales.OrderClient;
import io.github.d365bridge.client.commerce.sales.OrderComment;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.storage.PoisonMessageException;

/**
 * Tells Commerce which D365 sales order an imported order became: an internal order comment (the safe
 * way) and, if enabled, {@code ext_order_id}; then marks the order written back. The comment goes first:
 * a crash between the two writes repeats a harmless comment, where the other order could lose it. An
 * order whose {@code ext_order_id} already holds the number is not written again.
 */
public final class OrderWriteBack {

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
        OrderClient orders = commerce.inStore(key.storeCode()).orders();
        boolean alreadyWritten = writeExtOrderId && orders.get(entry.commerceEntityId()).map(Order::extOrderId)
                .filter(entry.salesOrderNumber()::equals).isPresent();
        if (!alreadyWritten) {
            orders.addComment(entry.commerceEntityId(), OrderComment.internal("Imported into Dynamics 365 as sales order "
                    + entry.salesOrderNumber() + " in company " + entry.legalEntity() + ".", null));
            if (writeExtOrderId) {
                orders.writeExtOrderId(entry.commerceEntityId(), entry.salesOrderNumber());
            }
        }
        LedgerEntry written = entry.moveTo(OrderState.WRITTEN_BACK);
        ledger.update(written);
        return written;
    }
}
