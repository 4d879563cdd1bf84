package io.github.d365bridge.flow.housekeeping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * Deletes one bounded batch of expired items of one target; when the batch was full, enqueues the
 * next batch instead of looping, so every delivery stays short and idempotent (deleting what is
 * already gone is a no-op).
 */
@ApplicationScoped
public class HousekeepingSweepHandler implements QueueHandler {

    static final String QUEUE_SETTING = "HOUSEKEEPING_QUEUE";
    static final String MESSAGE_TYPE = "housekeeping.sweep";
    private static final Logger LOG = Logger.getLogger(HousekeepingSweepHandler.class);

    private final Instance<SweepTarget> targets;
    private final QueuePublisher publisher;
    private final HousekeepingConfig config;

    @Inject
    public HousekeepingSweepHandler(Instance<SweepTarget> targets, QueuePublisher publisher, HousekeepingConfig config) {
        this.targets = targets;
        this.publisher = publisher;
        this.config = config;
    }

    @Override
    public String queueSetting() {
        return QUEUE_SETTING;
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        if (!MESSAGE_TYPE.equals(envelope.type())) {
            throw new PoisonMessageException("Unexpected message type '" + envelope.type() + "' on " + delivery.queue()
                    + " (expected " + MESSAGE_TYPE + ")");
        }
        String name = envelope.payload() == null ? "" : envelope.payload().path("target").asText("");
        SweepTarget target = targets.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new PoisonMessageException("Unknown housekeeping target '" + name + "'"));
        int handled = target.sweep(config.batchSize());
        LOG.infof("Housekeeping %s: %d expired item(s) dealt with", name, handled);
        if (handled >= config.batchSize()) {
            publisher.send(delivery.queue(), envelope.nextAttempt(envelope.payload()));
        }
    }
}
