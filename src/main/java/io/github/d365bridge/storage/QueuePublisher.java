package io.github.d365bridge.storage;

import io.github.d365bridge.ground.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.core.util.BinaryData;

import io.github.d365bridge.config.StorageConfig;

/**
 * Sends envelopes to queues: base64 (through {@link StorageAccount}), claim-checked to blob when the
 * text would not fit a queue message, optionally invisible for a while (a later retry or poll, which
 * {@code @QueueOutput} cannot express).
 */
@ApplicationScoped
public class QueuePublisher {

    /**
     * Queue messages expire after 7 days unless told otherwise; a message waiting in a poison queue for
     * an operator must never vanish on its own, so every message is sent with an infinite lifetime.
     */
    private static final Duration NEVER_EXPIRE = Duration.ofSeconds(-1);

    private final StorageAccount storage;
    private final ClaimCheckStore claimChecks;
    private final int thresholdBytes;

    @Inject
    public QueuePublisher(StorageAccount storage, ClaimCheckStore claimChecks, StorageConfig config) {
        this(storage, claimChecks, config.claimCheckThresholdBytes());
    }

    public QueuePublisher(StorageAccount storage, ClaimCheckStore claimChecks, int thresholdBytes) {
        this.storage = storage;
        this.claimChecks = claimChecks;
        this.thresholdBytes = thresholdBytes;
    }

    public void send(String queue, MessageEnvelope envelope) {
        send(queue, envelope, Duration.ZERO);
    }

    /** Sends {@code envelope}, visible after {@code delay}. Returns the envelope as sent (maybe claim-checked). */
    public MessageEnvelope send(String queue, MessageEnvelope envelope, Duration delay) {
        MessageEnvelope toSend = envelope;
        String text = EnvelopeCodec.encode(envelope);
        if (text.getBytes(StandardCharsets.UTF_8).length > thresholdBytes) {
            String blob = claimChecks.put(envelope.id(), payloadBytes(envelope));
            toSend = envelope.withPayloadBlob(blob);
            text = EnvelopeCodec.encode(toSend);
        }
        sendRaw(queue, text, delay);
        return toSend;
    }

    /**
     * {@link #send(String, MessageEnvelope)} without holding the calling thread while Storage answers (an
     * event-loop request path). An envelope that needs a claim check is sent the blocking way on a
     * thread meant for blocking work.
     */
    public java.util.concurrent.CompletionStage<MessageEnvelope> sendAsync(String queue, MessageEnvelope envelope) {
        String text = EnvelopeCodec.encode(envelope);
        if (text.getBytes(StandardCharsets.UTF_8).length > thresholdBytes) {
            return reactor.core.publisher.Mono.fromCallable(() -> send(queue, envelope, Duration.ZERO))
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).toFuture();
        }
        return storage.queueAsync(queue)
                .flatMap(client -> client.sendMessageWithResponse(BinaryData.fromString(text), null, NEVER_EXPIRE))
                .thenReturn(envelope).toFuture();
    }

    /** Sends text exactly as given (poison copies, replays); returns the new message's id. */
    public String sendRaw(String queue, String text, Duration delay) {
        return storage.queue(queue).sendMessageWithResponse(BinaryData.fromString(text),
                delay.isZero() ? null : delay, NEVER_EXPIRE, null, null).getValue().getMessageId();
    }

    /** Resolves a claim-checked envelope back to one carrying its payload inline. */
    public MessageEnvelope withPayloadLoaded(MessageEnvelope envelope) {
        if (envelope.payloadBlob() == null) {
            return envelope;
        }
        try {
            return envelope.withPayload(Json.mapper().readTree(claimChecks.get(envelope.payloadBlob())));
        } catch (java.io.IOException e) {
            throw new PoisonMessageException("Claim-check blob '" + envelope.payloadBlob() + "' of message "
                    + envelope.id() + " is not valid JSON", e);
        }
    }

    private static byte[] payloadBytes(MessageEnvelope envelope) {
        try {
            return Json.mapper().writeValueAsBytes(envelope.payload());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Payload of " + envelope.id() + " cannot be serialised", e);
        }
    }
}
