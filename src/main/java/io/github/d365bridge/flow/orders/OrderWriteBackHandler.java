package io.github.d365bridge.flow.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import io.github.d365bridge.flow.orders.outcome.OrderWriteBack;
import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;

/** Queue step on {@code ORDER_WRITEBACK_QUEUE}: the D365 number goes back to Commerce. */
@ApplicationScoped
public class OrderWriteBackHandler implements QueueHandler {

    @Inject
    Provider<OrderWriteBack> writeBack;

    @Override
    public String queueSetting() {
        return OrderFlowBeans.WRITEBACK_QUEUE_SETTING;
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        if (envelope.businessKey() == null) {
            throw new PoisonMessageException("Write-back message " + envelope.id() + " names no order");
        }
        OrderKey key;
        try {
            key = OrderKey.parse(envelope.businessKey());
        } catch (IllegalArgumentException bad) {
            throw new PoisonMessageException(bad.getMessage());
        }
        writeBack.get().writeBack(key);
    }
}
