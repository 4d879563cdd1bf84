package io.github.d365bridge.flow.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * Sends a failed order through the flow again once an operator has fixed the cause (a missing SKU
 * mapping, a blocked customer in D365…): the ledger goes back from FAILED to RECEIVED with a conditional
 * write, so two operators replaying at once enqueue it once, and the order re-enters at the intake queue.
 */
@ApplicationScoped
public class OrderReplay {

    private static final Logger LOG = Logger.getLogger(OrderReplay.class);

    private final OrderLedger ledger;
    private final QueuePublisher publisher;
    private final String intakeQueue;

    @Inject
    public OrderReplay(OrderLedger ledger, QueuePublisher publisher, Config config) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.intakeQueue = HandlerRegistry.setting(config, OrderReceived.QUEUE_SETTING);
    }

    /**
     * @throws IllegalArgumentException when the ledger does not know the order
     * @throws IllegalStateException    when the order is not FAILED (only failed orders are replayed)
     */
    public LedgerEntry replay(OrderKey key) {
        LedgerEntry failed = ledger.find(key)
                .orElseThrow(() -> new IllegalArgumentException("The ledger has no order " + key));
        if (failed.state() != OrderState.FAILED) {
            throw new IllegalStateException("Order " + key + " is " + failed.state() + "; only FAILED orders are replayed");
        }
        // A fresh start: no attempts, no batch limit, no execution (the reconciler re-enqueues the order if the
        // process dies between this write and the enqueue below).
        LedgerEntry again = failed.moveTo(OrderState.RECEIVED).withAttemptsReset().withoutBatch()
                .withSalesOrderNumber(null).withError(null);
        ledger.update(again);
        OrderReceived received = new OrderReceived(key.storeCode(), key.incrementId(), failed.commerceEntityId(),
                "replay", null);
        publisher.send(intakeQueue, MessageEnvelope.of(OrderReceived.MESSAGE_TYPE, failed.correlationId(),
                Json.mapper().valueToTree(received)).withBusinessKey(failed.legalEntity(), key.toString()));
        LOG.infof("Order %s replayed after: %s", key, failed.lastError());
        return again;
    }
}
