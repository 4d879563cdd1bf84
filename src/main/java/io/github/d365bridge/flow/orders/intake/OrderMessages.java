package io.github.d365bridge.flow.orders.intake;

import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;

/**
 * Builds the {@code order.received} envelope the same way for every source, so the processing step
 * cannot tell (and need not care) whether a webhook, an event or the poll saw the order. The legal
 * entity stays empty: mapping a store to a D365 company is the next step's job.
 */
final class OrderMessages {

    private OrderMessages() {
    }

    static MessageEnvelope orderReceived(OrderReceived payload, String correlationId) {
        return MessageEnvelope.of(OrderReceived.MESSAGE_TYPE, correlationId, Json.mapper().valueToTree(payload))
                .withBusinessKey(null, payload.key().toString());
    }
}
