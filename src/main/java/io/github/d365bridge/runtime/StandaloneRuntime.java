package io.github.d365bridge.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.azure.storage.queue.models.QueueMessageDecodingError;
import com.azure.storage.queue.models.QueueMessageItem;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.config.RuntimeConfig;
import io.github.d365bridge.storage.StorageAccount;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;

/**
 * Hosts the handlers outside Azure Functions (local run, containers): one {@link QueuePump} per handled
 * queue, the timers on their NCRONTAB schedules, each occurrence on one instance only
 * ({@link TimerSingleton}), and, in the packaged app, the HTTP socket ({@link StandaloneHttpServer}). Several
 * instances may share one storage account: they compete for queue messages as Functions instances do. Off
 * under the Functions host, which does the same from {@code host.json}, the trigger annotations and its HTTP
 * function.
 */
@ApplicationScoped
public class StandaloneRuntime {

    private static final Logger LOG = Logger.getLogger(StandaloneRuntime.class);

    private final RuntimeConfig config;
    private final HandlerRegistry registry;
    private final QueueDispatcher dispatcher;
    private final StorageAccount storage;
    private final Scheduler scheduler;
    private final TimerSingleton timers;
    private final StandaloneHttpServer http;
    private final List<QueuePump> pumps = new ArrayList<>();

    @Inject
    public StandaloneRuntime(RuntimeConfig config, HandlerRegistry registry, QueueDispatcher dispatcher,
            StorageAccount storage, Scheduler scheduler, TimerSingleton timers, StandaloneHttpServer http) {
        this.config = config;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.storage = storage;
        this.scheduler = scheduler;
        this.timers = timers;
        this.http = http;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.standalone()) {
            LOG.info("Standalone runtime off (bridge.runtime.standalone=false): the Functions host drives the handlers");
            return;
        }
        Instant begin = Instant.now();
        // The socket first: a port that is taken fails the start before any message is consumed.
        String httpPort = StandaloneHttpServer.quarkusOpensNoSocket() ? "port " + http.start() : "served by Quarkus";
        startPumps();
        for (Map.Entry<TimerHandler, String> timer : registry.timers().entrySet()) {
            schedule(timer.getKey(), timer.getValue());
        }
        LOG.infof("d365-commerce-bridge ready: %d queue pump(s) %s, %d timer(s), storage %s, HTTP %s (%d ms)", pumps.size(),
                registry.queues(), registry.timers().size(), storage.isEmbedded() ? "embedded Azurite" : "configured",
                httpPort, Duration.between(begin, Instant.now()).toMillis());
    }

    private synchronized void startPumps() {
        java.util.List<String> paused = config.pausedQueues().orElse(java.util.List.of());
        for (String queue : registry.queues()) {
            if (paused.contains(queue)) {
                LOG.infof("Queue %s is paused (bridge.runtime.paused-queues): not pumped", queue);
                continue;
            }
            pumps.add(new QueuePump(queue, storage.consumerQueue(queue, error -> poisonUndecodable(queue, error)),
                    dispatcher, config.queues()).start());
        }
    }

    /**
     * Stops everything at once, as a killed process would: messages in flight are neither deleted nor
     * released (they come back after the processing timeout), timers stop firing and the leases of timers
     * running now are neither renewed nor released (they lapse). For the chaos test
     * and for an operator who must stop processing now; {@link #resume()} starts it again.
     */
    public synchronized void halt() {
        pumps.forEach(QueuePump::halt);
        pumps.clear();
        scheduler.pause();
        timers.halt();
    }

    /** Starts the pumps and timers again after {@link #halt()}. */
    public synchronized void resume() {
        if (pumps.isEmpty()) {
            startPumps();
        }
        scheduler.resume();
    }

    private void schedule(TimerHandler handler, String cron) {
        scheduler.newJob(handler.name())
                .setCron(cron)
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> timers.runOnce(handler.name(), execution.getScheduledFireTime(),
                        () -> runTimer(handler)))
                .schedule();
    }

    private static void runTimer(TimerHandler handler) {
        try (Correlation.Scope scope = Correlation.open(Correlation.newId())) {
            handler.run();
        } catch (RuntimeException e) {
            // Like a Functions timer without a retry policy: log and wait for the next occurrence.
            LOG.errorf(e, "Timer %s failed", handler.name());
        }
    }

    private void poisonUndecodable(String queue, QueueMessageDecodingError error) {
        QueueMessageItem item = error.getQueueMessageItem();
        if (item == null) {
            return; // a peek: nothing to settle
        }
        Delivery delivery = new Delivery(queue, item.getMessageId(), item.getDequeueCount(),
                item.getInsertionTime() == null ? null : item.getInsertionTime().toInstant());
        QueueDispatcher.DispatchResult result = dispatcher.poisonUndeliverable(item.getBody().toString(), delivery,
                "Message is not base64 encoded (the Functions queue trigger expects base64): " + error.getCause());
        if (result.outcome() == DispatchOutcome.POISONED) {
            error.getQueueClient().deleteMessage(item.getMessageId(), item.getPopReceipt());
        }
    }

    /** The pump of a queue, for tests that stop and restart the runtime. */
    public List<QueuePump> pumps() {
        return List.copyOf(pumps);
    }

    void onStop(@Observes Shutdown event) {
        // No new requests while the pumps wind down; closing an unopened server does nothing.
        http.close();
        // No new timer occurrences, and the running ones end while storage is still there to release
        // their leases (the embedded Azurite stops with the application).
        scheduler.pause();
        try {
            if (!timers.awaitIdle(Duration.ofSeconds(10))) {
                LOG.warn("Timers still running at shutdown: their leases lapse by themselves");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pumps.forEach(pump -> pump.stop(Duration.ofSeconds(10)));
        pumps.clear();
    }
}
