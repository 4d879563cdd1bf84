package io.github.d365bridge.flow.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;

/** Queue step on {@code ORDER_INTAKE_QUEUE}: one {@code order.received} message → ledger, read, map. */
@ApplicationScoped
public class OrderIntakeHandler implements QueueHandler {

    @Inject
    Provider<OrderIntakeProcessor> processor;

    @Override
    public String queueSetting() {
        return OrderReceived.QUEUE_SETTING;
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        if (!OrderReceived.MESSAGE_TYPE.equals(envelope.type()) || envelope.payload() == null) {
            throw new PoisonMessageException("Expected " + OrderReceived.MESSAGE_TYPE + " with a payload on "
                    + delivery.queue() + ", got " + envelope.type());
        }
        OrderReceived received;
        try {
            received = Json.mapper().treeToValue(envelope.payload(), OrderReceived.class);
            received.key();
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException bad) {
            throw new PoisonMessageException("Not an order.received payload: " + bad.getMessage());
        }
        processor.get().process(received, envelope.correlationId(), envelope.createdAt());
    }
}
