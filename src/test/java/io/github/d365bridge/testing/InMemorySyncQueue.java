package io.github.d365bridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncSteps;

/**
 * The sync queue as a test plays it: steps are kept in order and run by {@link #drain}, which behaves like
 * the queue does. A step that throws comes back, with at most five deliveries, like {@code maxDequeueCount}.
 * Delays are not waited for. The engine is looked up when a step runs, so a test can swap it between runs.
 */
public final class InMemorySyncQueue implements SyncSteps {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final Supplier<SyncEngine> engine;

    public InMemorySyncQueue(Supplier<SyncEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void prepare(String flow, String runId, String legalEntity, Duration delay) {
        steps.add(() -> engine.get().prepare(flow, runId, legalEntity));
    }

    @Override
    public void page(String flow, String runId, String legalEntity, int page) {
        steps.add(() -> engine.get().page(flow, runId, legalEntity, page));
    }

    @Override
    public void removals(String flow, String runId, String legalEntity) {
        steps.add(() -> engine.get().removals(flow, runId, legalEntity));
    }

    /**
     * Runs queued steps until none is left; {@code duplicate} delivers every step twice.
     *
     * @return how many deliveries were repeated because a step threw
     */
    public int drain(boolean duplicate) {
        Map<Runnable, Integer> deliveries = new IdentityHashMap<>();
        int redelivered = 0;
        while (!steps.isEmpty()) {
            Runnable step = steps.poll();
            for (int copy = 0; copy < (duplicate ? 2 : 1); copy++) {
                try {
                    step.run();
                } catch (RuntimeException failed) {
                    int n = deliveries.merge(step, 1, Integer::sum);
                    assertThat(n).as("deliveries of a failing step: %s", failed.getMessage()).isLessThan(5);
                    steps.add(step);
                    redelivered++;
                    break;
                }
            }
        }
        return redelivered;
    }
}
