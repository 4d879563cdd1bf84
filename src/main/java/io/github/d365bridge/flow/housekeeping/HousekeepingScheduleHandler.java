package io.github.d365bridge.flow.housekeeping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.runtime.TimerHandler;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * The housekeeping timer only fans out: one sweep message per target. The sweeps themselves run as
 * queue steps, so a slow one is retried on its own and never holds the timer past its timeout.
 */
@ApplicationScoped
public class HousekeepingScheduleHandler implements TimerHandler {

    static final String SCHEDULE_SETTING = "HOUSEKEEPING_SCHEDULE";
    private static final Logger LOG = Logger.getLogger(HousekeepingScheduleHandler.class);

    private final Instance<SweepTarget> targets;
    private final QueuePublisher publisher;
    private final String queue;

    @Inject
    public HousekeepingScheduleHandler(Instance<SweepTarget> targets, QueuePublisher publisher, Config config) {
        this.targets = targets;
        this.publisher = publisher;
        this.queue = HandlerRegistry.setting(config, HousekeepingSweepHandler.QUEUE_SETTING);
    }

    @Override
    public String scheduleSetting() {
        return SCHEDULE_SETTING;
    }

    @Override
    public String name() {
        return "housekeeping";
    }

    @Override
    public void run() {
        int planned = 0;
        for (SweepTarget target : targets) {
            MessageEnvelope sweep = MessageEnvelope.of(HousekeepingSweepHandler.MESSAGE_TYPE, Correlation.currentOrNew(),
                    Json.mapper().createObjectNode().put("target", target.name()));
            publisher.send(queue, sweep);
            planned++;
        }
        LOG.infof("Housekeeping planned %d sweep(s) on %s", planned, queue);
    }
}
