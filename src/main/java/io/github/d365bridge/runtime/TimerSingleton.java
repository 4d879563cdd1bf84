package io.github.d365bridge.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.azure.storage.blob.models.BlobStorageException;

import io.github.d365bridge.config.RuntimeConfig;
import io.github.d365bridge.storage.BlobLeaseLocks;

/**
 * Runs each occurrence of a timer on one instance only when several standalone instances share a storage
 * account, as the Functions host's timer singleton does with a blob lease. Every instance's scheduler fires;
 * the first to take the timer's lease notes the occurrence on the lock blob and runs it, and an instance that
 * comes a moment later (its clock or scheduler a little behind) finds the lease taken or the occurrence
 * noted and skips it. The lease is renewed while the occurrence runs and released after it. An instance
 * that dies mid-run stops renewing, so its lease lapses within the lease duration and a later occurrence
 * runs elsewhere; the occurrence it was running is not run again (noted before it ran: at most once, as a
 * missed timer, which the next occurrence makes up for).
 */
@ApplicationScoped
public class TimerSingleton {

    private static final Logger LOG = Logger.getLogger(TimerSingleton.class);
    /** Blob metadata key of the last occurrence run (metadata names are C# identifiers; lower case travels best). */
    private static final String LAST_OCCURRENCE = "lastoccurrence";

    private final BlobLeaseLocks locks;
    private final Duration leaseDuration;
    private final ScheduledThreadPoolExecutor renewals;
    private final Set<Held> running = new HashSet<>();

    @Inject
    public TimerSingleton(BlobLeaseLocks locks, RuntimeConfig config) {
        this(locks, config.timers().leaseDuration());
    }

    /** @param leaseDuration 15-60 s, the range of a blob lease */
    public TimerSingleton(BlobLeaseLocks locks, Duration leaseDuration) {
        this.locks = locks;
        this.leaseDuration = leaseDuration;
        this.renewals = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "timer-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
        renewals.setRemoveOnCancelPolicy(true);
    }

    /**
     * Runs {@code work} for this occurrence of {@code timer} unless another instance runs or ran it.
     *
     * @param occurrence the time the schedule fired for: the same on every instance, whenever each one fires
     * @return whether it ran here
     */
    public boolean runOnce(String timer, Instant occurrence, Runnable work) {
        Optional<BlobLeaseLocks.Lease> taken;
        try {
            taken = locks.tryAcquire("timer-" + timer, leaseDuration);
        } catch (RuntimeException e) {
            // Storage unreachable: no instance can tell whether another one runs it, so none does.
            LOG.warnf("Timer %s skips %s: its lock could not be taken (%s)", timer, occurrence, e.getMessage());
            return false;
        }
        if (taken.isEmpty()) {
            LOG.debugf("Timer %s skips %s: another instance is running it", timer, occurrence);
            return false;
        }
        Held held = new Held(timer, taken.get());
        synchronized (running) {
            running.add(held);
        }
        try {
            if (!claim(held, occurrence)) {
                return false;
            }
            held.startRenewing(renewals, renewEvery());
            work.run();
            return true;
        } finally {
            held.finish();
            synchronized (running) {
                running.remove(held);
                running.notifyAll();
            }
        }
    }

    /** Notes the occurrence as run unless it, or a later one, already was. */
    private static boolean claim(Held held, Instant occurrence) {
        try {
            Optional<Instant> last = held.lease.note(LAST_OCCURRENCE).flatMap(TimerSingleton::parse);
            if (last.isPresent() && !last.get().isBefore(occurrence)) {
                LOG.debugf("Timer %s skips %s: another instance ran it", held.timer, occurrence);
                return false;
            }
            held.lease.writeNote(LAST_OCCURRENCE, occurrence.toString());
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Timer %s skips %s: the occurrence could not be noted (%s)", held.timer, occurrence,
                    e.getMessage());
            return false;
        }
    }

    private long renewEvery() {
        // A third of the lease: one failed renewal still leaves time for the next before the lease lapses.
        return leaseDuration.dividedBy(3).toMillis();
    }

    private static Optional<Instant> parse(String noted) {
        try {
            return Optional.of(Instant.parse(noted));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Lets go of the leases of occurrences running now the way a killed process does: no more renewals and no
     * release, so they lapse after the lease duration. For {@link StandaloneRuntime#halt()}; occurrences that
     * start later take leases as usual.
     */
    public void halt() {
        synchronized (running) {
            running.forEach(Held::abandon);
        }
    }

    /**
     * Waits up to {@code grace} for the occurrences running here to end and release their leases; for a
     * shutdown, before the storage they use goes (the embedded Azurite stops with the application).
     */
    public boolean awaitIdle(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                running.wait(left);
            }
            return true;
        }
    }

    @PreDestroy
    void close() {
        renewals.shutdownNow();
    }

    /**
     * The lease of one running occurrence. Renewing and letting go take turns on this object, so a renewal
     * never lands after the release (and reports a lease lost that was only given back).
     */
    private static final class Held {
        private final String timer;
        private final BlobLeaseLocks.Lease lease;
        private ScheduledFuture<?> renewal;
        private boolean abandoned;
        private boolean finished;

        private Held(String timer, BlobLeaseLocks.Lease lease) {
            this.timer = timer;
            this.lease = lease;
        }

        private synchronized void startRenewing(ScheduledThreadPoolExecutor renewals, long everyMillis) {
            if (!abandoned) { // not halted in between
                renewal = renewals.scheduleAtFixedRate(this::renew, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void renew() {
            if (abandoned || finished) {
                return;
            }
            try {
                lease.renew();
            } catch (BlobStorageException e) {
                if (e.getStatusCode() == 409) {
                    // Lapsed and taken: another instance may run the next occurrence while this one still runs.
                    LOG.errorf("Timer %s lost its lease while running (%s); another instance may run it meanwhile",
                            timer, e.getErrorCode());
                    cancelRenewal();
                    return;
                }
                LOG.warnf("Timer %s could not renew its lease, trying again: %s", timer, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf("Timer %s could not renew its lease, trying again: %s", timer, e.getMessage());
            }
        }

        private synchronized void abandon() {
            abandoned = true;
            cancelRenewal();
        }

        private synchronized void finish() {
            finished = true;
            cancelRenewal();
            if (abandoned) {
                return;
            }
            try {
                lease.close();
            } catch (RuntimeException e) {
                LOG.warnf("Timer %s could not release its lease; it lapses by itself: %s", timer, e.getMessage());
            }
        }

        private void cancelRenewal() {
            if (renewal != null) {
                renewal.cancel(false);
            }
        }
    }
}
