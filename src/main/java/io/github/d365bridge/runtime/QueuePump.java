package io.github.d365bridge.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;

import io.github.d365bridge.config.RuntimeConfig;

/**
 * Drives one queue the way the Azure Functions host does: receive up to {@code batchSize} messages,
 * keep them invisible while their handlers run, delete a message only after it was handled (or
 * poisoned), and make a failed one visible again after {@code visibilityTimeout}. An empty queue is
 * polled less and less often, up to {@code maxPollingInterval}. Delivery is at-least-once: if this
 * process dies between handling and delete, the message reappears after the processing timeout.
 */
public final class QueuePump implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueuePump.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String queue;
    private final QueueClient client;
    private final QueueDispatcher dispatcher;
    private final RuntimeConfig.Queues settings;
    private final ExecutorService workers;
    private final Thread poller;
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private volatile boolean halted;

    public QueuePump(String queue, QueueClient client, QueueDispatcher dispatcher, RuntimeConfig.Queues settings) {
        this.queue = queue;
        this.client = client;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.workers = Executors.newFixedThreadPool(settings.batchSize(),
                r -> daemon(r, "pump-" + queue + "-worker-" + THREADS.incrementAndGet()));
        this.poller = daemon(this::pollLoop, "pump-" + queue);
    }

    public QueuePump start() {
        running = true;
        poller.start();
        return this;
    }

    public String queue() {
        return queue;
    }

    /** Makes the next poll happen now (after an enqueue in the same process, say). */
    public void nudge() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void pollLoop() {
        Duration idle = settings.minPollingInterval();
        while (running) {
            List<QueueMessageItem> batch;
            try {
                batch = new ArrayList<>();
                client.receiveMessages(settings.batchSize(), settings.processingTimeout(), null, null)
                        .forEach(batch::add);
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Receiving from %s failed, backing off: %s", queue, e.getMessage());
                }
                idle = sleep(settings.maxPollingInterval().dividedBy(4), idle);
                continue;
            }
            if (batch.isEmpty()) {
                idle = sleep(idle, idle.multipliedBy(2));
                continue;
            }
            idle = settings.minPollingInterval();
            List<Future<?>> inFlight = new ArrayList<>(batch.size());
            for (QueueMessageItem message : batch) {
                inFlight.add(workers.submit(() -> process(message)));
            }
            for (Future<?> future : inFlight) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.errorf(e.getCause(), "Unexpected failure while processing a message from %s", queue);
                }
            }
        }
    }

    private void process(QueueMessageItem message) {
        if (halted) {
            return;
        }
        Delivery delivery = new Delivery(queue, message.getMessageId(), message.getDequeueCount(),
                message.getInsertionTime() == null ? null : message.getInsertionTime().toInstant());
        QueueDispatcher.DispatchResult result = dispatcher.dispatch(message.getBody().toString(), delivery);
        if (halted) {
            // Simulated or real crash after handling: the delete never happens and storage redelivers.
            return;
        }
        try {
            if (result.outcome() == DispatchOutcome.RETRY) {
                client.updateMessage(message.getMessageId(), message.getPopReceipt(), null,
                        settings.visibilityTimeout());
            } else {
                client.deleteMessage(message.getMessageId(), message.getPopReceipt());
            }
        } catch (QueueStorageException e) {
            // The pop receipt is stale: the message outlived its processing timeout and was received
            // again elsewhere. That delivery now owns it; at-least-once still holds.
            LOG.warnf("Could not settle message %s on %s (%s); it will be delivered again", message.getMessageId(),
                    queue, e.getErrorCode());
        }
    }

    private Duration sleep(Duration wait, Duration next) {
        synchronized (wakeUp) {
            try {
                wakeUp.wait(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
        Duration max = settings.maxPollingInterval();
        return next.compareTo(max) > 0 ? max : next;
    }

    /** Stops polling and waits up to {@code grace} for handlers in flight to finish and settle. */
    public void stop(Duration grace) {
        running = false;
        nudge();
        workers.shutdown();
        try {
            poller.join(grace.toMillis());
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                halt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            halt();
        }
    }

    /**
     * Stops at once, like a killed process: messages in flight are neither deleted nor released and
     * come back after the processing timeout.
     */
    public void halt() {
        halted = true;
        running = false;
        nudge();
        workers.shutdownNow();
        poller.interrupt();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
