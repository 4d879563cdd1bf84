package io.github.d365bridge.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.config.RuntimeConfig;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.FailureLog;
import io.github.d365bridge.storage.FailureRecord;
import io.github.d365bridge.storage.HeldPayload;
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
    private final ClaimCheckStore claimChecks;
    private final int maxDequeueCount;
    private final RuntimeConfig.Retry retry;

    @Inject
    public QueueDispatcher(HandlerRegistry registry, QueuePublisher publisher, FailureLog failures,
            ClaimCheckStore claimChecks, RuntimeConfig runtime) {
        this.registry = registry;
        this.publisher = publisher;
        this.failures = failures;
        this.claimChecks = claimChecks;
        this.maxDequeueCount = runtime.queues().maxDequeueCount();
        this.retry = runtime.retry();
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
                if (!ErrorClassifier.isRetriable(failure)) {
                    return poison(text, envelope, delivery, failure);
                }
                if (envelope.attempt() >= retry.maxRetries()) {
                    return poison(text, envelope, delivery, new PoisonMessageException("Still failing after "
                            + envelope.attempt() + " retries since " + envelope.createdAt() + ": "
                            + describe(failure), failure));
                }
                return reschedule(envelope, delivery, failure);
            }
        }
    }

    /**
     * Puts a copy back with the next delay of the back-off and lets the original be deleted. If even
     * that write fails (Storage itself is down), the original stays and the host's own redelivery
     * brings it back after the visibility timeout.
     */
    private DispatchResult reschedule(MessageEnvelope envelope, Delivery delivery, RuntimeException failure) {
        Duration delay = retryDelay(envelope.attempt() + 1);
        try {
            publisher.send(delivery.queue(), envelope.retried(), delay);
        } catch (RuntimeException storageFailure) {
            storageFailure.addSuppressed(failure);
            LOG.warnf("%s %s failed and could not be rescheduled, the queue redelivers it: %s", envelope.type(),
                    envelope.id(), storageFailure.getMessage());
            return DispatchResult.retry(failure);
        }
        LOG.warnf("%s %s failed (retry %d of %d in %d s): %s", envelope.type(), envelope.id(), envelope.attempt() + 1,
                retry.maxRetries(), delay.toSeconds(), failure.getMessage());
        return new DispatchResult(DispatchOutcome.RESCHEDULED, failure);
    }

    /** Delay before retry {@code n} (1-based): doubling from the initial delay, capped. */
    Duration retryDelay(int n) {
        Duration delay = retry.initialDelay();
        for (int i = 1; i < n && delay.compareTo(retry.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : delay;
    }

    /** Poisons a message that never reached a handler (not base64, say), keeping its text as it was. */
    public DispatchResult poisonUndeliverable(String text, Delivery delivery, String reason) {
        return poison(text, null, delivery, new PoisonMessageException(reason));
    }

    private DispatchResult poison(String text, MessageEnvelope envelope, Delivery delivery, RuntimeException reason) {
        try {
            // A message that was retried is poisoned as it was first sent, so a replay gives it a fresh budget.
            String asSent = envelope != null && envelope.attempt() > 0 ? EnvelopeCodec.encode(envelope.withAttempt(0))
                    : text;
            // The body is held before the poison copy exists, so no poison message ever points at a body
            // that the claim-check retention may delete while it waits for an operator.
            Optional<HeldPayload> held = envelope == null || envelope.payloadBlob() == null ? Optional.empty()
                    : claimChecks.hold(envelope.payloadBlob());
            String poisonId = publisher.sendRaw(poisonQueue(delivery.queue()), asSent, Duration.ZERO);
            failures.record(new FailureRecord(delivery.queue(), poisonId, delivery.messageId(),
                    envelope == null ? null : envelope.type(), envelope == null ? null : envelope.correlationId(),
                    envelope == null ? null : envelope.businessKey(), delivery.dequeueCount(),
                    describe(reason), Instant.now()), held);
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
