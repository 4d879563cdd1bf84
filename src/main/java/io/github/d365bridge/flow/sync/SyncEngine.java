package io.github.d365bridge.flow.sync;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.flow.sync.SyncStateStore.Change;
import io.github.d365bridge.flow.sync.SyncStateStore.Stored;
import io.github.d365bridge.flow.sync.SyncWriter.Pending;
import io.github.d365bridge.flow.sync.SyncWriter.Result;

/**
 * Runs D365 → Commerce flows: per legal entity, page by page (one queue step each), reads source records,
 * maps them, compares each mapped record's hash with the one the target last confirmed, writes only new and
 * changed ones, and stores a hash only once the target confirmed that record. After the last page a removal
 * step finds the records gone from the source and applies the flow's rule.
 * <p>
 * Every step may run twice (a crash, a redelivery): a page advances the run only through a conditional write
 * of its progress row, so one copy moves it on and the other drops out; what a dropped copy wrote was written
 * with the same content (idempotent writers adopt what exists). A run stalled between two steps is resumed
 * by {@link #resume}, called by the flow's timer.
 */
public final class SyncEngine {

    /** Keys a dry run lists per kind. */
    public static final int SAMPLES = 20;
    /** Snapshots tried per legal entity and run before it ends without one. */
    static final int SNAPSHOT_ATTEMPTS = 3;
    /** Wait before a busy snapshot source is asked again. */
    static final Duration BUSY_RETRY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(SyncEngine.class);

    private final SyncStateStore state;
    private final SyncRunStore runs;
    private final SyncSteps steps;
    private final Map<String, SyncFlow<?>> flows;
    private final Duration stallAfter;
    private final Clock clock;

    public SyncEngine(SyncStateStore state, SyncRunStore runs, SyncSteps steps, List<SyncFlow<?>> flows,
            Duration stallAfter, Clock clock) {
        this.state = state;
        this.runs = runs;
        this.steps = steps;
        this.flows = new LinkedHashMap<>();
        flows.forEach(f -> this.flows.put(f.name(), f));
        this.stallAfter = stallAfter;
        this.clock = clock;
    }

    /** What an operator or a timer asks for. */
    public record RunRequest(Optional<String> legalEntity, Optional<String> recordKey, boolean dryRun, String trigger) {

        public static RunRequest full(String trigger) {
            return new RunRequest(Optional.empty(), Optional.empty(), false, trigger);
        }
    }

    public List<String> flowNames() {
        return List.copyOf(flows.keySet());
    }

    public boolean hasFlow(String name) {
        return flows.containsKey(name);
    }

    /**
     * Starts a run and enqueues its first steps; empty when a run of the flow is in progress (it is resumed
     * instead if it stalled).
     *
     * @throws IllegalArgumentException naming what is wrong with the request (unknown flow or legal entity,
     *                                  a record without its legal entity)
     */
    public Optional<SyncRun> start(String flowName, RunRequest request) {
        SyncFlow<?> flow = flow(flowName);
        if (request.recordKey().isPresent() && request.legalEntity().isEmpty()) {
            throw new IllegalArgumentException("record: a run of one record needs its legalEntity");
        }
        List<String> entities = request.legalEntity().map(List::of).orElse(flow.legalEntities());
        for (String entity : entities) {
            if (!flow.legalEntities().contains(entity)) {
                throw new IllegalArgumentException("legalEntity: '" + entity + "' is not synced by " + flowName
                        + " (its legal entities: " + flow.legalEntities() + ")");
            }
        }
        Instant now = clock.instant();
        SyncRun run = new SyncRun(flowName, SyncRunStore.newRunId(now), entities, request.recordKey(), request.dryRun(),
                request.trigger(), now, Optional.empty());
        // one record is read from D365 directly: a snapshot of the whole legal entity is not needed for it
        boolean snapshot = flow.source().snapshot().isPresent() && request.recordKey().isEmpty();
        Optional<SyncRun> begun = runs.begin(run, snapshot);
        if (begun.isEmpty()) {
            resume(flowName);
            return Optional.empty();
        }
        LOG.infof("Sync %s run %s started (%s%s%s): %s", flowName, run.runId(), request.trigger(),
                request.dryRun() ? ", dry run" : "", request.recordKey().map(k -> ", record " + k).orElse(""), entities);
        for (String entity : entities) {
            if (snapshot) {
                steps.prepare(flowName, run.runId(), entity, Duration.ZERO);
            } else {
                steps.page(flowName, run.runId(), entity, 0);
            }
        }
        return begun;
    }

    /** The flow's current run, if one is in progress. */
    public Optional<SyncRun> current(String flowName) {
        return runs.currentRunId(flowName).flatMap(id -> runs.run(flowName, id));
    }

    /**
     * Re-enqueues the next step of every legal entity of the current run whose progress has not moved for the
     * stall time (a crash between advancing and enqueueing, a message lost to poison); copies are harmless.
     *
     * @return the legal entities resumed
     */
    public List<String> resume(String flowName) {
        Optional<SyncRun> current = current(flowName);
        if (current.isEmpty()) {
            return List.of();
        }
        SyncRun run = current.get();
        Instant now = clock.instant();
        List<String> resumed = new ArrayList<>();
        List<SyncProgress> progress = runs.progress(run);
        if (progress.stream().allMatch(SyncProgress::done)) {
            completeIfDone(run); // every legal entity was done: the crash came before the finish
            return List.of();
        }
        for (SyncProgress p : progress) {
            if (!p.done() && Duration.between(p.updatedAt(), now).compareTo(stallAfter) > 0) {
                if (p.preparing()) {
                    // a long export is not a stall: the prepare step follows it again (a lost check, a crash
                    // after the export ended) and touches the progress, without starting a second one
                    steps.prepare(flowName, run.runId(), p.legalEntity(), Duration.ZERO);
                    continue;
                }
                if (p.pagesDone()) {
                    steps.removals(flowName, run.runId(), p.legalEntity());
                } else {
                    steps.page(flowName, run.runId(), p.legalEntity(), p.pages());
                }
                resumed.add(p.legalEntity());
            }
        }
        if (!resumed.isEmpty()) {
            LOG.warnf("Sync %s run %s stalled in %s for over %s: resumed", flowName, run.runId(), resumed, stallAfter);
        }
        return resumed;
    }

    /**
     * The prepare step of one legal entity: asks the source for its snapshot (attempt as recorded). A busy
     * source is asked again after {@code busyRetry}; of two copies of the step only the one whose touch of the
     * progress succeeds does so, so copies never multiply into parallel chains.
     */
    public void prepare(String flowName, String runId, String legalEntity) {
        SyncFlow<?> flow = flow(flowName);
        Optional<SyncProgress> progress = runs.progress(flowName, runId, legalEntity);
        Optional<SyncSnapshot> snapshot = flow.source().snapshot();
        if (progress.isEmpty() || !progress.get().preparing() || progress.get().done() || snapshot.isEmpty()) {
            return; // ready already (a copy of the step), or the run is gone
        }
        SyncProgress p = progress.get();
        SyncSnapshot.Preparation preparation = snapshot.get().prepare(runId, legalEntity, p.attempt());
        boolean touched = runs.advance(p.touched(clock.instant()));
        if (preparation == SyncSnapshot.Preparation.BUSY && touched) {
            LOG.infof("Sync %s run %s %s: its snapshot cannot start yet (the data project is busy); asking again in %s",
                    flowName, runId, legalEntity, BUSY_RETRY);
            steps.prepare(flowName, runId, legalEntity, BUSY_RETRY);
        }
    }

    /** True while the run waits for this snapshot attempt of the legal entity (a stale or repeated end is not). */
    public boolean awaitsSnapshot(String flowName, String runId, String legalEntity, int attempt) {
        return runs.progress(flowName, runId, legalEntity)
                .filter(p -> p.preparing() && !p.done() && p.attempt() == attempt).isPresent();
    }

    /** The flow's snapshot, if its source reads one. */
    public Optional<SyncSnapshot> snapshotOf(String flowName) {
        return flow(flowName).source().snapshot();
    }

    /**
     * Told when the snapshot of a legal entity ended (by the DMF listener of an export; idempotent, a stale
     * attempt is ignored). Ready: the pages follow. Failed: another attempt, up to {@value #SNAPSHOT_ATTEMPTS};
     * after that the legal entity ends with the reason counted as failed and nothing taken for removed.
     */
    public void snapshotEnded(String flowName, String runId, String legalEntity, int attempt,
            SyncSnapshot.Outcome outcome) {
        SyncFlow<?> flow = flow(flowName);
        Optional<SyncRun> run = runs.run(flowName, runId);
        Optional<SyncProgress> progress = runs.progress(flowName, runId, legalEntity);
        if (run.isEmpty() || progress.isEmpty() || !progress.get().preparing() || progress.get().attempt() != attempt) {
            return;
        }
        SyncProgress p = progress.get();
        Instant now = clock.instant();
        if (outcome.ready()) {
            if (runs.advance(p.snapshotReady(outcome.complete(), now))) {
                LOG.infof("Sync %s run %s %s: snapshot %d ready, %d records%s", flowName, runId, legalEntity, attempt,
                        outcome.records(), outcome.complete() ? "" : " (" + outcome.reason()
                                + "; records missing from it are not taken for removed)");
                steps.page(flowName, runId, legalEntity, 0);
            }
            return;
        }
        if (attempt < SNAPSHOT_ATTEMPTS) {
            if (runs.advance(p.nextAttempt(now))) {
                LOG.warnf("Sync %s run %s %s: snapshot %d failed (%s); attempt %d follows", flowName, runId,
                        legalEntity, attempt, outcome.reason(), attempt + 1);
                steps.prepare(flowName, runId, legalEntity, Duration.ZERO);
            }
            return;
        }
        Tally tally = new Tally();
        tally.fail("snapshot: " + outcome.reason());
        if (runs.advance(p.finished(tally.counters(), List.of(), now))) {
            LOG.errorf("Sync %s run %s %s: no snapshot after %d attempts (%s); nothing read, nothing taken for removed",
                    flowName, runId, legalEntity, attempt, outcome.reason());
            discard(flow, runId, legalEntity);
            completeIfDone(run.get());
        }
    }

    /** One page step: read, map, compare, write, confirm, advance, enqueue the next. */
    public void page(String flowName, String runId, String legalEntity, int page) {
        SyncFlow<?> flow = flow(flowName);
        Optional<SyncRun> run = runs.run(flowName, runId);
        Optional<SyncProgress> progress = runs.progress(flowName, runId, legalEntity);
        if (run.isEmpty() || progress.isEmpty()) {
            LOG.warnf("Sync %s page %d of %s: run %s is unknown (deleted by retention?): dropped", flowName, page,
                    legalEntity, runId);
            return;
        }
        SyncProgress before = progress.get();
        if (before.pagesDone() || before.preparing() || before.pages() != page) {
            return; // a copy of a step that is done already (or of a snapshot attempt that was replaced)
        }
        PageResult result = processPage(flow, run.get(), before);
        SyncProgress next = before.afterPage(result.lastKey(), result.last(), result.counters(), result.samples(),
                clock.instant());
        if (!runs.advance(next)) {
            return; // another copy of this step advanced the run first
        }
        SyncCounters total = next.counters();
        double seconds = Math.max(0.001, Duration.between(run.get().startedAt(), clock.instant()).toMillis() / 1000.0);
        LOG.infof("Sync %s run %s %s page %d: %d read, %d new, %d changed, %d written, %d failed, %d skipped"
                + " (so far %d read, %d written, %d failed, %.0f records/s)", flowName, runId, legalEntity, page,
                result.counters().read(), result.counters().added(), result.counters().changed(),
                result.counters().written(), result.counters().failed(), result.counters().skipped(), total.read(),
                total.written(), total.failed(), total.read() / seconds);
        if (result.last()) {
            steps.removals(flowName, runId, legalEntity);
        } else {
            steps.page(flowName, runId, legalEntity, page + 1);
        }
    }

    private record PageResult(Optional<String> lastKey, boolean last, SyncCounters counters, List<String> samples) {
    }

    private <R> PageResult processPage(SyncFlow<R> flow, SyncRun run, SyncProgress progress) {
        String legalEntity = progress.legalEntity();
        List<R> records;
        Map<String, String> unreadable = Map.of();
        boolean last;
        if (run.recordKey().isPresent()) {
            records = flow.source().readOne(legalEntity, run.recordKey().get()).map(List::of).orElse(List.of());
            last = true;
        } else {
            SyncSource.Page<R> read = flow.source().read(new SyncSource.PageRequest(run.runId(), legalEntity,
                    progress.pages(), progress.after(), flow.pageSize()));
            records = read.records();
            unreadable = read.unreadable();
            last = read.last();
        }
        Tally tally = new Tally();
        tally.read = records.size() + unreadable.size();
        Map<String, List<SyncRecord>> mapped = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        unreadable.forEach((key, reason) -> {
            tally.fail("source: " + reason);
            changes.add(new Change(key, "*", null, null, Change.Kind.FAILED, "source: " + reason));
        });
        for (R record : records) {
            String key = flow.source().keyOf(record);
            try {
                mapped.put(key, flow.mapper().map(legalEntity, record));
            } catch (RuntimeException bad) {
                // bad source data fails this record alone, with the reason, and is tried again next run
                tally.fail("mapping: " + bad.getMessage());
                changes.add(new Change(key, "*", null, null, Change.Kind.FAILED, "mapping: " + bad.getMessage()));
            }
        }
        Map<String, Stored> stored = state.find(flow.name(), legalEntity, keysOf(mapped, changes));
        List<Pending> pending = new ArrayList<>();
        for (Map.Entry<String, List<SyncRecord>> entry : mapped.entrySet()) {
            Stored known = stored.getOrDefault(entry.getKey(), Stored.none(entry.getKey()));
            for (SyncRecord record : entry.getValue()) {
                String hash = record.hash();
                Optional<String> confirmed = known.hash(record.scope());
                if (confirmed.isPresent() && confirmed.get().equals(hash) && !known.removed()) {
                    tally.unchanged++;
                    continue;
                }
                if (known.failedHash(record.scope()).filter(hash::equals).isPresent() && run.recordKey().isEmpty()) {
                    // failed with exactly this content before: the target would refuse it again; it stays listed
                    // and is written again when it changes, or when an operator runs this record alone
                    tally.unchanged++;
                    tally.stillFailed++;
                    continue;
                }
                if (confirmed.isEmpty()) {
                    tally.added++;
                    tally.sample("added", entry.getKey(), record.scope(), run.dryRun());
                } else {
                    tally.changed++;
                    tally.sample("changed", entry.getKey(), record.scope(), run.dryRun());
                }
                if (record.isSkip()) {
                    tally.skip(record.skip());
                    changes.add(new Change(record.key(), record.scope(), hash, null, Change.Kind.SKIPPED, record.skip()));
                } else {
                    pending.add(new Pending(legalEntity, record, known.targetId(record.scope())));
                }
            }
        }
        if (run.recordKey().isPresent() && records.isEmpty()) {
            stored.values().stream().filter(s -> !s.removed()).forEach(gone -> tally.removed(flow, legalEntity, gone,
                    run.dryRun()));
        }
        if (!run.dryRun()) {
            for (Result result : pending.isEmpty() ? List.<Result>of() : flow.writer().write(pending)) {
                SyncRecord record = result.pending().record();
                if (result.confirmed()) {
                    tally.written++;
                    tally.adopted += result.outcome() == SyncWriter.Outcome.ADOPTED ? 1 : 0;
                    changes.add(new Change(record.key(), record.scope(), record.hash(), result.targetId(),
                            Change.Kind.CONFIRMED, null));
                } else {
                    tally.fail(result.reason());
                    changes.add(new Change(record.key(), record.scope(), null, result.targetId(), Change.Kind.FAILED,
                            result.reason(), result.passing() ? null : record.hash()));
                }
            }
            state.apply(flow.name(), legalEntity, changes, stored);
        }
        Optional<String> lastKey = records.isEmpty() ? Optional.empty()
                : Optional.of(flow.source().keyOf(records.get(records.size() - 1)));
        return new PageResult(lastKey, last, tally.counters(), tally.samples);
    }

    private static List<String> keysOf(Map<String, List<SyncRecord>> mapped, List<Change> failed) {
        List<String> keys = new ArrayList<>(mapped.keySet());
        failed.forEach(c -> keys.add(c.key()));
        return keys;
    }

    /**
     * The removal step of one legal entity: every key the source has now, as 64-bit fingerprints in a sorted
     * array (8 bytes a record), against every record stored for it; one gone from the source gets the flow's
     * rule, once. Then the legal entity is done, and the run when all are.
     */
    public void removals(String flowName, String runId, String legalEntity) {
        SyncFlow<?> flow = flow(flowName);
        Optional<SyncRun> run = runs.run(flowName, runId);
        Optional<SyncProgress> progress = runs.progress(flowName, runId, legalEntity);
        if (run.isEmpty() || progress.isEmpty() || progress.get().done() || !progress.get().pagesDone()) {
            return;
        }
        Tally tally = new Tally();
        if (progress.get().partial()) {
            tally.reasons.merge("removals not judged: the run read only part of " + legalEntity, 1L, Long::sum);
        } else if (run.get().recordKey().isEmpty()) {
            long[] present;
            try (Stream<String> keys = flow.source().keys(runId, legalEntity)) {
                present = keys.mapToLong(SyncEngine::fingerprint).sorted().toArray();
            }
            try (Stream<Stored> all = state.all(flowName, legalEntity)) {
                all.filter(s -> !s.removed() && Arrays.binarySearch(present, fingerprint(s.key())) < 0)
                        .forEach(gone -> tally.removed(flow, legalEntity, gone, run.get().dryRun()));
            }
        }
        SyncProgress done = progress.get().finished(tally.counters(), tally.samples, clock.instant());
        if (!runs.advance(done)) {
            return;
        }
        discard(flow, runId, legalEntity);
        completeIfDone(run.get());
    }

    /** The snapshot of a legal entity is read to the end: its blobs go (a failure only leaves them to retention). */
    private void discard(SyncFlow<?> flow, String runId, String legalEntity) {
        flow.source().snapshot().ifPresent(snapshot -> {
            try {
                snapshot.discard(runId, legalEntity);
            } catch (RuntimeException e) {
                LOG.warnf("Sync %s run %s %s: its snapshot could not be deleted now (%s); housekeeping deletes it with"
                        + " the run", flow.name(), runId, legalEntity, e.getMessage());
            }
        });
    }

    /** Ends the run when every legal entity is done; reports it once, whichever legal entity came last. */
    private void completeIfDone(SyncRun run) {
        String flowName = run.flow();
        String runId = run.runId();
        List<SyncProgress> all = runs.progress(run);
        if (all.stream().allMatch(SyncProgress::done) && runs.finish(run, clock.instant())) {
            SyncCounters total = all.stream().map(SyncProgress::counters).reduce(SyncCounters.NONE, SyncCounters::plus);
            LOG.infof("Sync %s run %s finished%s: %d read, %d unchanged, %d new, %d changed, %d written (%d adopted),"
                    + " %d failed, %d skipped, %d removed in %d s", flowName, runId, run.dryRun() ? " (dry run)" : "",
                    total.read(), total.unchanged(), total.added(), total.changed(), total.written(), total.adopted(),
                    total.failed(), total.skipped(), total.removed(),
                    Duration.between(run.startedAt(), clock.instant()).toSeconds());
        }
    }

    /** A run with its progress summed, for the operator endpoints. */
    public record RunSummary(SyncRun run, SyncCounters counters, List<SyncProgress> legalEntities) {
    }

    public List<RunSummary> latest(String flowName, int limit) {
        flow(flowName);
        List<RunSummary> summaries = new ArrayList<>();
        for (SyncRun run : runs.latest(flowName, limit)) {
            List<SyncProgress> progress = runs.progress(run);
            summaries.add(new RunSummary(run, progress.stream().map(SyncProgress::counters)
                    .reduce(SyncCounters.NONE, SyncCounters::plus), progress));
        }
        return summaries;
    }

    public SyncStateStore state() {
        return state;
    }

    private SyncFlow<?> flow(String name) {
        SyncFlow<?> flow = flows.get(name);
        if (flow == null) {
            throw new IllegalArgumentException("flow: '" + name + "' is not a sync flow (flows: " + flows.keySet() + ")");
        }
        return flow;
    }

    static long fingerprint(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    /** Counts of one step. */
    private final class Tally {
        long read;
        long unchanged;
        long added;
        long changed;
        long written;
        long adopted;
        long failed;
        long skipped;
        long removed;
        long stillFailed;
        final Map<String, Long> reasons = new HashMap<>();
        final List<String> samples = new ArrayList<>();

        void fail(String reason) {
            failed++;
            reasons.merge(SyncCounters.reasonKey(reason), 1L, Long::sum);
        }

        void skip(String reason) {
            skipped++;
            reasons.merge(SyncCounters.reasonKey(reason), 1L, Long::sum);
        }

        void sample(String kind, String key, String scope, boolean dryRun) {
            if (dryRun && samples.size() < SAMPLES) {
                samples.add(kind + ":" + key + "@" + scope);
            }
        }

        void removed(SyncFlow<?> flow, String legalEntity, Stored gone, boolean dryRun) {
            String done = flow.removed(legalEntity, gone, dryRun);
            removed++;
            reasons.merge("removed: " + done, 1L, Long::sum);
            if (dryRun) {
                if (samples.size() < SAMPLES) {
                    samples.add("removed:" + gone.key());
                }
            } else {
                state.markRemoved(flow.name(), legalEntity, gone.key());
            }
            LOG.infof("Sync %s: %s %s is gone from D365%s: %s", flow.name(), legalEntity, gone.key(),
                    dryRun ? " (dry run)" : "", done);
        }

        SyncCounters counters() {
            return new SyncCounters(read, unchanged, added, changed, written, adopted, failed, skipped, removed,
                    stillFailed, reasons);
        }
    }
}
