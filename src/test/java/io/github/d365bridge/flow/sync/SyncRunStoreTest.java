package io.github.d365bridge.flow.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.flow.housekeeping.SyncRunSweep;
import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.testing.TestAzurite;

/** Runs on Azurite: one current run per flow, newest first, conditional progress, retention by key range. */
class SyncRunStoreTest {

    private final SyncRunStore runs = new SyncRunStore(TestAzurite.storage(), TestAzurite.uniqueName("Runs"));

    private SyncRun run(Instant startedAt) {
        return new SyncRun("customers", SyncRunStore.newRunId(startedAt), List.of("usmf", "demf"), Optional.empty(),
                false, "test", startedAt, Optional.empty());
    }

    @Test
    void onlyOneRunOfAFlowIsInProgressAndRunsListNewestFirst() {
        Instant now = Instant.now();
        SyncRun first = runs.begin(run(now.minusSeconds(60)), false).orElseThrow();
        assertThat(runs.begin(run(now), false)).as("a second run while one is in progress").isEmpty();
        runs.finish(first, now);
        SyncRun second = runs.begin(run(now), false).orElseThrow();
        assertThat(runs.currentRunId("customers")).contains(second.runId());
        assertThat(runs.latest("customers", 5)).extracting(SyncRun::runId).containsExactly(second.runId(), first.runId());
        assertThat(runs.progress(second)).hasSize(2).allMatch(p -> p.pages() == 0 && !p.done());
    }

    /** Two legal entities ending at the same moment: the local run logged such a run finished twice. */
    @Test
    void twoConcurrentFinishesEndTheRunOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            Instant start = Instant.now();
            for (int i = 0; i < 20; i++) {
                SyncRun run = runs.begin(run(start.plusMillis(i)), false).orElseThrow();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Boolean>> both = List.of(
                        pool.submit(() -> { go.await(); return runs.finish(run, Instant.now()); }),
                        pool.submit(() -> { go.await(); return runs.finish(run, Instant.now()); }));
                go.countDown();
                int ended = 0;
                for (var f : both) {
                    ended += f.get() ? 1 : 0;
                }
                assertThat(ended).as("finishes that ended run %d", i).isEqualTo(1);
                assertThat(runs.currentRunId("customers")).isEmpty();
                assertThat(runs.run("customers", run.runId()).orElseThrow().finishedAt()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofTwoCopiesOfAStepOnlyOneAdvancesTheRun() {
        SyncRun run = runs.begin(run(Instant.now()), false).orElseThrow();
        SyncProgress read = runs.progress("customers", run.runId(), "usmf").orElseThrow();
        SyncProgress copy = runs.progress("customers", run.runId(), "usmf").orElseThrow();
        assertThat(runs.advance(read.afterPage(Optional.of("US-020"), false, SyncCounters.NONE, List.of(), Instant.now())))
                .isTrue();
        assertThat(runs.advance(copy.afterPage(Optional.of("US-020"), false, SyncCounters.NONE, List.of(), Instant.now())))
                .as("the copy read the same row").isFalse();
        assertThat(runs.progress("customers", run.runId(), "usmf").orElseThrow().pages()).isEqualTo(1);
    }

    /**
     * A page of 1,000 records each failing with a reason that names it (the local run's price run before the
     * catalog's: "waiting for its product P000123") once overflowed the 64 KB property and poisoned the step.
     */
    @Test
    void aPageOfDistinctReasonsIsStoredWithTheMostFrequentKeptAndEveryFailureCounted() {
        SyncRun run = runs.begin(run(Instant.now()), false).orElseThrow();
        java.util.Map<String, Long> reasons = new java.util.HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            reasons.put(SyncCounters.reasonKey("waiting for its product P" + String.format("%06d", i) + ": "
                    + "x".repeat(200)), 1L);
        }
        reasons.put("price group 20 is not in catalogSync.priceGroups", 7L);
        SyncCounters counters = new SyncCounters(1_007, 0, 1_007, 0, 0, 0, 1_007, 0, 0, 0, reasons);
        SyncProgress read = runs.progress("customers", run.runId(), "usmf").orElseThrow();

        assertThat(runs.advance(read.afterPage(Optional.of("P001000"), false, counters, List.of(), Instant.now()))).isTrue();

        SyncCounters stored = runs.progress("customers", run.runId(), "usmf").orElseThrow().counters();
        assertThat(stored.reasons()).hasSize(SyncCounters.MAX_REASONS)
                .containsEntry("price group 20 is not in catalogSync.priceGroups", 7L);
        assertThat(stored.reasons().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_007);
        assertThat(stored.reasons().get(SyncCounters.OTHER_REASONS)).isEqualTo(1_000 - (SyncCounters.MAX_REASONS - 2));
        assertThat(stored.plus(stored).reasons()).hasSize(SyncCounters.MAX_REASONS);
    }

    @Test
    void theSweepDeletesRunsPastTheRetentionButNeverTheOneInProgress() {
        Instant now = Instant.now();
        SyncRun old1 = runs.begin(run(now.minus(Duration.ofDays(40))), false).orElseThrow();
        runs.finish(old1, now);
        SyncRun old2 = runs.begin(run(now.minus(Duration.ofDays(35))), false).orElseThrow();
        runs.finish(old2, now);
        SyncRun stillRunning = runs.begin(run(now.minus(Duration.ofDays(31))), false).orElseThrow();
        SnapshotStore snapshots = new SnapshotStore(TestAzurite.storage(), TestAzurite.uniqueName("snap").toLowerCase());
        try (SnapshotStore.Writer leftOver = snapshots.writer("customers", old1.runId(), "usmf", 10)) {
            leftOver.add("US-001", java.util.Map.of("CUSTOMERACCOUNT", "US-001"));
            leftOver.finish("a crashed run", true, "");
        }
        try (SnapshotStore.Writer current = snapshots.writer("customers", stillRunning.runId(), "usmf", 10)) {
            current.add("US-001", java.util.Map.of("CUSTOMERACCOUNT", "US-001"));
            current.finish("the run in progress", true, "");
        }
        SyncRunSweep sweep = new SyncRunSweep(runs, () -> List.of("customers"), Duration.ofDays(30), Clock.systemUTC(),
                snapshots);

        assertThat(sweep.sweep(100)).isEqualTo(2);

        assertThat(runs.latest("customers", 10)).extracting(SyncRun::runId).containsExactly(stillRunning.runId());
        assertThat(runs.progress("customers", old1.runId(), "usmf")).isEmpty();
        assertThat(snapshots.manifest("customers", old1.runId(), "usmf")).as("a deleted run's snapshot").isEmpty();
        assertThat(snapshots.manifest("customers", stillRunning.runId(), "usmf")).as("the current run's").isPresent();
        assertThat(sweep.sweep(100)).isZero();
    }
}
