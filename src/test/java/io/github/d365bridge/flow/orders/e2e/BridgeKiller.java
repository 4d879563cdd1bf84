package io.github.d365bridge.flow.orders.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

import org.jboss.logging.Logger;

import io.github.d365bridge.testing.BridgeProcess;

/**
 * Crashes the bridge process (SIGKILL) and starts it again on the same storage after a seeded down time:
 * at chosen calls the D365 sandbox is answering (the import was started, the outcome read, but the bridge
 * dies before it hears the answer) and at random moments. Only a running bridge is killed, and restarts
 * run one at a time on their own thread, so a kill never lands in the middle of a start-up.
 */
final class BridgeKiller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BridgeKiller.class);

    /** One kill, for the report. */
    record Kill(Instant at, String trigger) {
    }

    private final BridgeProcess bridge;
    private final Random random;
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chaos-bridge-restart");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Kill> kills = new CopyOnWriteArrayList<>();
    private final List<String> restartFailures = new CopyOnWriteArrayList<>();

    BridgeKiller(BridgeProcess running, long seed) {
        this.bridge = running;
        this.random = new Random(seed);
    }

    /**
     * A listener for the D365 sandbox that kills the bridge on the first call matching {@code when},
     * once; armed from the start.
     */
    io.github.d365bridge.sandbox.d365.D365CallListener killOnce(String trigger, BiPredicate<String, String> when) {
        AtomicBoolean armed = new AtomicBoolean(true);
        return (operation, detail) -> {
            if (armed.get() && when.test(operation, detail) && kill(trigger)) {
                armed.set(false);
            }
        };
    }

    /** Kills at a moment from now; skipped if the bridge is down (restarting) then. */
    void killAfter(Duration delay, String trigger) {
        restarts.schedule(() -> kill(trigger), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL now, if the bridge runs; the restart follows after a seeded down time. */
    boolean kill(String trigger) {
        if (!running.compareAndSet(true, false)) {
            return false;
        }
        bridge.kill();
        kills.add(new Kill(Instant.now(), trigger));
        long down;
        synchronized (random) {
            down = ChaosSettings.DOWN_MIN.toMillis()
                    + random.nextInt((int) (ChaosSettings.DOWN_MAX.toMillis() - ChaosSettings.DOWN_MIN.toMillis()));
        }
        LOG.infof("Chaos: bridge killed (%s), restarting in %d ms", trigger, down);
        restarts.schedule(this::restart, down, TimeUnit.MILLISECONDS);
        return true;
    }

    private void restart() {
        try {
            bridge.restart();
            running.set(true);
        } catch (RuntimeException e) {
            // a start-up that fails (storage down at that moment) is tried again, as a container platform would
            restartFailures.add(e.getMessage());
            LOG.warnf("Chaos: bridge restart failed, trying again: %s", e.getMessage());
            restarts.schedule(this::restart, 1, TimeUnit.SECONDS);
        }
    }

    boolean running() {
        return running.get();
    }

    List<Kill> kills() {
        return List.copyOf(kills);
    }

    List<String> restartFailures() {
        return List.copyOf(restartFailures);
    }

    /** No more kills or restarts; the bridge itself is closed by its owner. */
    @Override
    public void close() {
        restarts.shutdownNow();
        try {
            restarts.awaitTermination(ChaosSettings.BRIDGE_READY_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
