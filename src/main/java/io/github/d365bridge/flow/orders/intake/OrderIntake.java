package io.github.d365bridge.flow.orders.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.config.CommerceConfig;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * Turns verified order signals into {@code order.received} messages: store id to store code, one
 * envelope per order. Every signal is mapped before the first is sent, so an unknown store id refuses
 * the whole delivery with nothing enqueued. No de-duplication here (the ledger does it downstream) and
 * no call to Commerce: the request path must stay fast.
 */
@ApplicationScoped
public class OrderIntake {

    private static final Logger LOG = Logger.getLogger(OrderIntake.class);

    private final QueuePublisher publisher;
    private final Map<String, String> storeCodes;
    private final String queue;

    @Inject
    public OrderIntake(QueuePublisher publisher, CommerceConfig commerce, Config config) {
        this.publisher = publisher;
        this.storeCodes = Map.copyOf(commerce.storeCodes());
        this.queue = HandlerRegistry.setting(config, OrderReceived.QUEUE_SETTING);
    }

    /**
     * @param source {@code webhook} or {@code io-event}
     * @return how many messages were sent
     * @throws IntakeRejection (400) when a store id is not configured
     */
    public int enqueue(List<OrderSignal> signals, String source) {
        List<MessageEnvelope> envelopes = envelopes(signals, source);
        for (MessageEnvelope envelope : envelopes) {
            publisher.send(queue, envelope);
            logEnqueued(envelope, source);
        }
        return envelopes.size();
    }

    /**
     * {@link #enqueue} without holding the request's thread while Storage answers; completes when every
     * message is on the queue, or exceptionally with the first failure.
     *
     * @throws IntakeRejection (400) synchronously, before anything is sent, when a store id is not configured
     */
    public CompletionStage<Integer> enqueueAsync(List<OrderSignal> signals, String source) {
        List<MessageEnvelope> envelopes = envelopes(signals, source);
        CompletableFuture<?>[] sent = new CompletableFuture<?>[envelopes.size()];
        for (int i = 0; i < sent.length; i++) {
            MessageEnvelope envelope = envelopes.get(i);
            sent[i] = publisher.sendAsync(queue, envelope).toCompletableFuture()
                    .thenRun(() -> logEnqueued(envelope, source));
        }
        return CompletableFuture.allOf(sent).thenApply(done -> envelopes.size());
    }

    /** Every signal mapped before the first is sent, so an unknown store refuses the delivery whole. */
    private List<MessageEnvelope> envelopes(List<OrderSignal> signals, String source) {
        List<MessageEnvelope> envelopes = new ArrayList<>(signals.size());
        for (OrderSignal signal : signals) {
            String storeCode = storeCodes.get(signal.storeId());
            if (storeCode == null) {
                throw IntakeRejection.badRequest("order " + signal.incrementId() + " has store_id " + signal.storeId()
                        + ", which bridge.commerce.store-codes does not map (known: "
                        + new TreeSet<>(storeCodes.keySet()) + ")");
            }
            OrderReceived payload = new OrderReceived(storeCode, signal.incrementId(), signal.entityId(), source,
                    signal.updatedAt());
            String correlationId = signal.eventId() != null ? signal.eventId() : Correlation.currentOrNew();
            envelopes.add(OrderMessages.orderReceived(payload, correlationId));
        }
        return envelopes;
    }

    private static void logEnqueued(MessageEnvelope envelope, String source) {
        // debug only: the request path must stay cheap, and the queue step logs each new order once
        LOG.debugf("Order %s enqueued from %s (correlation %s)", envelope.businessKey(), source,
                envelope.correlationId());
    }
}
