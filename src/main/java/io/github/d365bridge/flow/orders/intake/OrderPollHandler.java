package io.github.d365bridge.flow.orders.intake;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.config.CommerceConfig;
import io.github.d365bridge.config.Connections;
import io.github.d365bridge.config.IntakeConfig;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.runtime.TimerHandler;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;

/**
 * The polling safety net on {@code ORDER_POLL_SCHEDULE}. Without a Commerce base URL there is nothing
 * to poll: the run says so and returns, so a deployment that has not connected Commerce yet still starts.
 */
@ApplicationScoped
public class OrderPollHandler implements TimerHandler {

    public static final String SCHEDULE_SETTING = "ORDER_POLL_SCHEDULE";
    private static final Logger LOG = Logger.getLogger(OrderPollHandler.class);

    private final CommerceConfig commerce;
    private final Instance<CommerceClient> client;
    private final OrderLedger ledger;
    private final QueuePublisher publisher;
    private final PollWatermarks watermarks;
    private final PollSettings settings;
    private final String queue;
    private final Connections connections;

    @Inject
    public OrderPollHandler(CommerceConfig commerce, IntakeConfig intake, Instance<CommerceClient> client,
            OrderLedger ledger, QueuePublisher publisher, StorageAccount storage, Config config,
            Connections connections) {
        this.commerce = commerce;
        this.connections = connections;
        this.client = client;
        this.ledger = ledger;
        this.publisher = publisher;
        this.watermarks = new PollWatermarks(storage, intake.poll().checkpointTable());
        this.settings = PollSettings.from(intake.poll());
        this.queue = HandlerRegistry.setting(config, OrderReceived.QUEUE_SETTING);
    }

    @Override
    public String scheduleSetting() {
        return SCHEDULE_SETTING;
    }

    @Override
    public String name() {
        return "order-poll";
    }

    @Override
    public void run() {
        poll();
    }

    /** One run over every configured store code; what it read and enqueued per store. */
    public List<OrderPoller.StoreResult> poll() {
        if (!connections.commerce()) {
            LOG.warn("Order poll skipped: bridge.commerce.base-url is not configured");
            return List.of();
        }
        return new OrderPoller(client.get(), ledger, publisher, queue, watermarks, commerce.storeCodes(), settings,
                Clock.systemUTC()).run();
    }

    public PollWatermarks watermarks() {
        return watermarks;
    }
}
