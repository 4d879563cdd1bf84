package io.github.d365bridge.runtime;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.github.d365bridge.client.core.Correlation;
import io.github.d365bridge.client.core.ErrorClassifier;
import io.github.d365bridge.config.RuntimeConfig;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.FailureLog;
import io.github.d365bridge.storage.FailureRecord;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * Delivers one queue message to its handler and decides what becomes of it, identically under the
 * Functions host and the standalone pump: decode the envelope, load a claim-checked body, run the
 * handler in the message's correlation, and on failure either leave the message for redelivery or, when
 * the failure is permanent or this was the last allowed delivery, copy it unchanged to
 * {@code <queue>-poison} and record the reason. Nothing is lost: if even the poison copy cannot be
 * written, the outcome is RETRY and the original stays where it is.
 */
@ApplicationScoped
public class QueueDispatcher {

    private static final Logger LOG = Logger.getLogger(QueueDispatcher.class);

    private final HandlerRegistry registry;
    private final QueuePublisher publisher;
    private final FailureLog failures;
    private final int maxDequeueCount;

    @Inject
    public QueueDispatcher(HandlerRegistry registry, QueuePublisher publisher, FailureLog failures,
            RuntimeConfig runtime) {
        this.registry = registry;
        this.publisher = publisher;
        this.failures = failures;
        this.maxDequeueCount = runtime.queues().maxDequeueCount();
    }

    public static String poisonQueue(String queue) {
        return queue + "-poison";
    }

    public DispatchResult dispatch(String text, Delivery delivery) {
        MessageEnvelope envelope;
        try {
            envelope = EnvelopeCodec.decode(text);
        } catch (PoisonMessageException bad) {
            return poison(text, null, delivery, bad);
        }
        try (Correlation.Scope scope = Correlation.open(envelope.correlationId())) {
            if (delivery.dequeueCount() > maxDequeueCount) {
                // Delivered more often than allowed without ever completing: the worker died mid-way
                // each time. Handling it once more would likely kill the next one too.
                return poison(text, envelope, delivery, new PoisonMessageException("Delivered "
                        + delivery.dequeueCount() + " times without completing (max " + maxDequeueCount + ")"));
            }
            try {
                QueueHandler handler = registry.forQueue(delivery.queue()).orElseThrow(
                        () -> new PoisonMessageException("No handler listens on queue '" + delivery.queue() + "'"));
                handler.handle(publisher.withPayloadLoaded(envelope), delivery);
                return DispatchResult.done();
            } catch (RuntimeException failure) {
                boolean permanent = !ErrorClassifier.isRetriable(failure);
                if (permanent || delivery.dequeueCount() >= maxDequeueCount) {
                    return poison(text, envelope, delivery, failure);
                }
                LOG.warnf("%s %s failed on delivery %d of %d, will retry: %s", envelope.type(), envelope.id(),
                        delivery.dequeueCount(), maxDequeueCount, failure.getMessage());
                return DispatchResult.retry(failure);
            }
        }
    }

    /** Poisons a message that never reached a handler (not base64, say), keeping its text as it was. */
    public DispatchResult poisonUndeliverable(String text, Delivery delivery, String reason) {
        return poison(text, null, delivery, new PoisonMessageException(reason));
    }

    private DispatchResult poison(String text, MessageEnvelope envelope, Delivery delivery, RuntimeException reason) {
        try {
            String poisonId = publisher.sendRaw(poisonQueue(delivery.queue()), text, Duration.ZERO);
            failures.record(new FailureRecord(delivery.queue(), poisonId, delivery.messageId(),
                    envelope == null ? null : envelope.type(), envelope == null ? null : envelope.correlationId(),
                    envelope == null ? null : envelope.businessKey(), delivery.dequeueCount(),
                    describe(reason), Instant.now()));
            LOG.errorf("Message %s from %s moved to %s: %s", delivery.messageId(), delivery.queue(),
                    poisonQueue(delivery.queue()), describe(reason));
            return DispatchResult.poisoned(reason);
        } catch (RuntimeException storageFailure) {
            storageFailure.addSuppressed(reason);
            LOG.errorf(storageFailure, "Could not move message %s to %s; it stays on %s", delivery.messageId(),
                    poisonQueue(delivery.queue()), delivery.queue());
            return DispatchResult.retry(storageFailure);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + ": " + (message == null ? "(no message)" : message);
    }

    /** The outcome and, unless DONE, the failure behind it. */
    public record DispatchResult(DispatchOutcome outcome, RuntimeException failure) {
        static DispatchResult done() {
            return new DispatchResult(DispatchOutcome.DONE, null);
        }

        static DispatchResult poisoned(RuntimeException failure) {
            return new DispatchResult(DispatchOutcome.POISONED, failure);
        }

        static DispatchResult retry(RuntimeException failure) {
            return new DispatchResult(DispatchOutcome.RETRY, failure);
        }
    }
}
