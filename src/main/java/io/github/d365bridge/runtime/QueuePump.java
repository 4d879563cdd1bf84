package io.github.d365bridge.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;

import io.github.d365bridge.config.RuntimeConfig;

/**
 * Drives one queue the way the Azure Functions host does: receive up to {@code batchSize} messages and
 * fetch the next batch as soon as the messages still being handled drop to {@code newBatchThreshold}, so a
 * slow handler holds one worker rather than its queue; keep each message invisible while its handler runs
 * ({@link MessageVisibility}); delete a message only after it was handled (or poisoned), and make a failed
 * one visible again after {@code visibilityTimeout}. An empty queue is polled less and less often, up to
 * {@code maxPollingInterval}. Delivery is at-least-once: if this process dies between handling and delete,
 * the message reappears after the processing timeout.
 */
public final class QueuePump implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueuePump.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String queue;
    private final QueueClient client;
    private final QueueDispatcher dispatcher;
    private final RuntimeConfig.Queues settings;
    private final int newBatchThreshold;
    private final ExecutorService workers;
    private final ScheduledExecutorService renewals;
    private final Thread poller;
    private final Object wakeUp = new Object();
    private final Object handling = new Object();
    private int inFlight;
    private volatile boolean running;
    private volatile boolean halted;

    public QueuePump(String queue, QueueClient client, QueueDispatcher dispatcher, RuntimeConfig.Queues settings) {
        this.queue = queue;
        this.client = client;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.newBatchThreshold = newBatchThreshold(settings);
        // A batch is fetched only when at most newBatchThreshold are still running: every message has a worker.
        this.workers = Executors.newFixedThreadPool(settings.batchSize() + newBatchThreshold,
                r -> daemon(r, "pump-" + queue + "-worker-" + THREADS.incrementAndGet()));
        // Renewals are short calls; two threads so that one slow answer does not hold up the others. The
        // renewal of a settled message is dropped at once, not kept queued until it would have been due.
        ScheduledThreadPoolExecutor renewalThreads = new ScheduledThreadPoolExecutor(2,
                r -> daemon(r, "pump-" + queue + "-renewal-" + THREADS.incrementAndGet()));
        renewalThreads.setRemoveOnCancelPolicy(true);
        this.renewals = renewalThreads;
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

    /** The threshold in effect: the configured one, else the host's default of half the batch size. */
    public static int newBatchThreshold(RuntimeConfig.Queues settings) {
        return settings.newBatchThreshold().orElse(settings.batchSize() / 2);
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
            try {
                awaitRoomForBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
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
            synchronized (handling) {
                inFlight += batch.size();
            }
            for (QueueMessageItem message : batch) {
                MessageVisibility visibility = MessageVisibility.keep(client, queue, message,
                        settings.processingTimeout(), renewals);
                try {
                    workers.submit(() -> processAndCount(message, visibility));
                } catch (RejectedExecutionException stopped) {
                    // Stopped or halted meanwhile: not handled here, it comes back after the processing timeout.
                    visibility.abandon();
                    finished();
                }
            }
        }
    }

    /** Waits until no more than {@code newBatchThreshold} messages are still being handled. */
    private void awaitRoomForBatch() throws InterruptedException {
        synchronized (handling) {
            while (running && inFlight > newBatchThreshold) {
                handling.wait();
            }
        }
    }

    private void processAndCount(QueueMessageItem message, MessageVisibility visibility) {
        try {
            process(message, visibility);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Unexpected failure while processing a message from %s", queue);
        } finally {
            finished();
        }
    }

    private void finished() {
        synchronized (handling) {
            inFlight--;
            handling.notifyAll();
        }
    }

    private void process(QueueMessageItem message, MessageVisibility visibility) {
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
                visibility.release(settings.visibilityTimeout());
            } else {
                visibility.delete();
            }
        } catch (QueueStorageException e) {
            // The message is no longer ours: renewing it failed (Storage unreachable for longer than the
            // processing timeout, or it was deleted) and another delivery may have it now. That delivery
            // owns it; at-least-once still holds.
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
        wakePoller();
        try {
            poller.join(grace.toMillis());
            workers.shutdown();
            if (workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                renewals.shutdown(); // every message was settled: nothing left to renew
            } else {
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
        renewals.shutdownNow();
        workers.shutdownNow();
        poller.interrupt();
    }

    private void wakePoller() {
        synchronized (handling) {
            handling.notifyAll();
        }
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
