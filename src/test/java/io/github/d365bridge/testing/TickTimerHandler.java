package io.github.d365bridge.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.runtime.TimerHandler;

/** A timer on a one-second NCRONTAB schedule that records each run and the correlation id it ran in. */
@ApplicationScoped
public class TickTimerHandler implements TimerHandler {

    private final List<String> runs = new CopyOnWriteArrayList<>();

    @Override
    public String scheduleSetting() {
        return "TEST_TICK_SCHEDULE";
    }

    @Override
    public String name() {
        return "test-tick";
    }

    @Override
    public void run() {
        runs.add(Correlation.currentOrNew());
    }

    public List<String> runs() {
        return runs;
    }
}
