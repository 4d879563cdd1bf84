package io.github.d365bridge.functions;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.DispatchOutcome;
import io.github.d365bridge.runtime.QueueDispatcher;

/**
 * What every queue-triggered function does with its binding: hand the decoded text to the
 * {@link QueueDispatcher} and translate its outcome for the host. Returning normally lets the host
 * delete the message (handled or poisoned by us); throwing makes the host retry it.
 */
@ApplicationScoped
public class QueueTriggerAdapter {

    private final QueueDispatcher dispatcher;

    @Inject
    public QueueTriggerAdapter(QueueDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void deliver(String queue, String message, String messageId, Long dequeueCount, String insertionTime) {
        Delivery delivery = new Delivery(queue, messageId, dequeueCount == null ? 1 : dequeueCount,
                parse(insertionTime));
        QueueDispatcher.DispatchResult result = dispatcher.dispatch(message, delivery);
        if (result.outcome() == DispatchOutcome.RETRY) {
            throw result.failure();
        }
    }

    private static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.replace("\"", "")).toInstant();
        } catch (DateTimeParseException e) {
            return null; // metadata only; never fail a delivery over it
        }
    }
}
