package io.github.d365bridge.runtime;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueErrorCode;
import com.azure.storage.queue.models.QueueMessageItem;
import com.azure.storage.queue.models.QueueStorageException;

/**
 * Keeps one received message invisible while its handler runs, as the Functions host does: every half of
 * the processing timeout its invisibility is extended by the whole timeout, so a handler that takes longer
 * than the timeout (a DMF status check waiting on D365, say) is not delivered a second time meanwhile,
 * possibly to a second worker running it at the same time. Each update hands out a new pop receipt and the
 * old one stops working, so the message is settled with the latest one. Renewal and settling take turns on
 * this object's lock: a delete never races a renewal that is about to replace its receipt.
 */
final class MessageVisibility {

    private static final Logger LOG = Logger.getLogger(MessageVisibility.class);

    private final QueueClient client;
    private final String queue;
    private final String messageId;
    private final Duration timeout;
    private final Duration interval;
    private final ScheduledExecutorService renewals;
    private String popReceipt;
    private ScheduledFuture<?> nextRenewal;
    private boolean renewing = true;

    private MessageVisibility(QueueClient client, String queue, QueueMessageItem message, Duration timeout,
            ScheduledExecutorService renewals) {
        this.client = client;
        this.queue = queue;
        this.messageId = message.getMessageId();
        this.popReceipt = message.getPopReceipt();
        this.timeout = timeout;
        this.interval = timeout.dividedBy(2);
        this.renewals = renewals;
    }

    /** Starts renewing a message that was just received invisible for {@code timeout}. */
    static MessageVisibility keep(QueueClient client, String queue, QueueMessageItem message, Duration timeout,
            ScheduledExecutorService renewals) {
        MessageVisibility visibility = new MessageVisibility(client, queue, message, timeout, renewals);
        visibility.scheduleRenewal(visibility.interval);
        return visibility;
    }

    /** Deletes the message: its handler is done with it (or it was poisoned, or a retry copy was sent). */
    void delete() {
        client.deleteMessage(messageId, stopRenewing());
    }

    /** Lets the message be delivered again after {@code delay}. */
    void release(Duration delay) {
        client.updateMessage(messageId, stopRenewing(), null, delay);
    }

    /** Stops renewing without settling: the message becomes visible again when its invisibility ends. */
    void abandon() {
        stopRenewing();
    }

    /** Stops renewing, waiting for a renewal under way, and returns the receipt that is valid now. */
    private synchronized String stopRenewing() {
        renewing = false;
        if (nextRenewal != null) {
            nextRenewal.cancel(false);
        }
        return popReceipt;
    }

    private synchronized void scheduleRenewal(Duration delay) {
        if (!renewing) {
            return;
        }
        try {
            nextRenewal = renewals.schedule(this::renew, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException halted) {
            // The pump was halted like a killed process: nothing renews, the message comes back on its own.
            renewing = false;
        }
    }

    private synchronized void renew() {
        if (!renewing) {
            return;
        }
        try {
            popReceipt = client.updateMessage(messageId, popReceipt, null, timeout).getPopReceipt();
        } catch (QueueStorageException e) {
            if (isGone(e)) {
                // Deleted by someone else, or it became visible and another delivery received it (that one
                // holds the receipt now and may run the handler at the same time). Renewing cannot win it
                // back; the handler finishes and its delete fails, which the pump logs.
                LOG.warnf("Message %s on %s is no longer ours while its handler runs (%s); renewal stopped",
                        messageId, queue, e.getErrorCode());
                renewing = false;
                return;
            }
            renewSoon(e);
            return;
        } catch (RuntimeException e) {
            renewSoon(e);
            return;
        }
        scheduleRenewal(interval);
    }

    /** A failure that may pass (Storage slow or down): try again well before the invisibility runs out. */
    private void renewSoon(RuntimeException failure) {
        Duration retry = interval.dividedBy(4);
        LOG.warnf("Could not extend the invisibility of message %s on %s, trying again in %d ms: %s", messageId,
                queue, retry.toMillis(), failure.getMessage());
        scheduleRenewal(retry);
    }

    private static boolean isGone(QueueStorageException e) {
        return e.getStatusCode() == 404 || QueueErrorCode.POP_RECEIPT_MISMATCH.equals(e.getErrorCode());
    }
}
