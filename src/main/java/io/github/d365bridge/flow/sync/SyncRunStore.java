package io.github.d365bridge.flow.sync;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.azure.data.tables.models.TableEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.ConcurrentUpdateException;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.storage.TableKeyCodec;

/**
 * Sync runs and their progress. Partition {@code <flow>}: one row per run, row key {@link #newRunId} (newest
 * first, so the latest runs are the first rows), and {@code ~current} naming the run in progress (at most one
 * per flow: inserted if absent, so two timers or an operator and a timer cannot start two). Partition
 * {@code <flow>|<run>}: one progress row per legal entity.
 */
public final class SyncRunStore {

    static final String CURRENT = "~current";
    /** Row of a run's progress partition that says the run was ended (legal entity keys never start with ~). */
    static final String FINISHED = "~finished";
    private static final long RUN_ID_BASE = 9_999_999_999_999L;

    private final StateTable table;

    public SyncRunStore(StorageAccount storage, String tableName) {
        this.table = new StateTable(storage, tableName);
    }

    /** A run id that sorts before every earlier one: {@code r<inverted epoch millis>-<random>}. */
    public static String newRunId(Instant now) {
        return String.format(Locale.ROOT, "r%013d-%04x", RUN_ID_BASE - now.toEpochMilli(),
                ThreadLocalRandom.current().nextInt(0x10000));
    }

    /**
     * Records a run and its legal entities' progress, and makes it the flow's current run; empty (nothing
     * written) when another run of the flow is in progress.
     *
     * @param snapshot each legal entity waits for a snapshot before its first page
     */
    public Optional<SyncRun> begin(SyncRun run, boolean snapshot) {
        TableEntity current = new TableEntity(flowPartition(run.flow()), CURRENT).addProperty("RunId", run.runId());
        if (!table.insertIfAbsent(current)) {
            return Optional.empty();
        }
        for (String legalEntity : run.legalEntities()) {
            table.upsert(toEntity(SyncProgress.start(run.flow(), run.runId(), legalEntity, snapshot, run.startedAt())));
        }
        table.upsert(toEntity(run));
        return Optional.of(run);
    }

    public Optional<String> currentRunId(String flow) {
        return table.get(flowPartition(flow), CURRENT).map(e -> (String) e.getProperty("RunId"));
    }

    public Optional<SyncRun> run(String flow, String runId) {
        return table.get(flowPartition(flow), runId).map(e -> toRun(flow, e));
    }

    public Optional<SyncProgress> progress(String flow, String runId, String legalEntity) {
        return table.get(progressPartition(flow, runId), TableKeyCodec.encode(legalEntity)).map(e -> toProgress(flow, runId, e));
    }

    public List<SyncProgress> progress(SyncRun run) {
        List<SyncProgress> all = new ArrayList<>();
        for (String legalEntity : run.legalEntities()) {
            progress(run.flow(), run.runId(), legalEntity).ifPresent(all::add);
        }
        return all;
    }

    /** Saves {@code next} only if its row is unchanged since {@code next.etag()} was read; false if it changed. */
    public boolean advance(SyncProgress next) {
        try {
            table.replaceIfUnchanged(toEntity(next).addProperty("odata.etag", next.etag()));
            return true;
        } catch (ConcurrentUpdateException e) {
            return false;
        }
    }

    /**
     * Ends the run: finished now, and no longer the flow's current run. Two legal entities finishing at once
     * both get here; only the call that inserted the run's finished row answers true, so the run's end is
     * reported once. Repeating it after a crash in between finishes what the first call left.
     */
    public boolean finish(SyncRun run, Instant now) {
        // One insert decides who ends the run: an insert is atomic everywhere, while two deletes of the
        // current marker under one ETag both succeeded on Azurite when two legal entities ended at once.
        boolean first = table.insertIfAbsent(new TableEntity(progressPartition(run.flow(), run.runId()), FINISHED)
                .addProperty("FinishedAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
        if (first) {
            table.upsert(new TableEntity(flowPartition(run.flow()), run.runId())
                    .addProperty("FinishedAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
        }
        // whoever comes, the marker goes (a crash between the insert and here is cleaned up by the next call)
        table.get(flowPartition(run.flow()), CURRENT).filter(e -> run.runId().equals(e.getProperty("RunId")))
                .ifPresent(table::deleteIfUnchanged);
        return first;
    }

    /** The latest {@code limit} runs of a flow, newest first. */
    public List<SyncRun> latest(String flow, int limit) {
        try (Stream<TableEntity> rows = table.query("PartitionKey eq '" + quote(flowPartition(flow))
                + "' and RowKey lt '~'", Math.max(1, Math.min(limit, 1000)), null)) {
            return rows.limit(limit).map(e -> toRun(flow, e)).toList();
        }
    }

    /** Runs that started before {@code cutoff}, oldest last, at most {@code limit}: for the retention sweep. */
    public List<SyncRun> startedBefore(String flow, Instant cutoff, int limit) {
        String from = String.format(Locale.ROOT, "r%013d", RUN_ID_BASE - cutoff.toEpochMilli());
        try (Stream<TableEntity> rows = table.query("PartitionKey eq '" + quote(flowPartition(flow)) + "' and RowKey gt '"
                + from + "' and RowKey lt '~'", Math.max(1, Math.min(limit, 1000)), null)) {
            return rows.limit(limit).map(e -> toRun(flow, e)).toList();
        }
    }

    /** Deletes a run and its progress rows. */
    public void delete(SyncRun run) {
        for (String legalEntity : run.legalEntities()) {
            table.delete(progressPartition(run.flow(), run.runId()), TableKeyCodec.encode(legalEntity));
        }
        table.delete(progressPartition(run.flow(), run.runId()), FINISHED);
        table.delete(flowPartition(run.flow()), run.runId());
    }

    private static TableEntity toEntity(SyncRun run) {
        TableEntity e = new TableEntity(flowPartition(run.flow()), run.runId())
                .addProperty("LegalEntities", String.join(",", run.legalEntities()))
                .addProperty("DryRun", run.dryRun()).addProperty("Trigger", run.trigger())
                .addProperty("StartedAt", OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
        run.recordKey().ifPresent(k -> e.addProperty("RecordKey", k));
        run.finishedAt().ifPresent(f -> e.addProperty("FinishedAt", OffsetDateTime.ofInstant(f, ZoneOffset.UTC)));
        return e;
    }

    private static SyncRun toRun(String flow, TableEntity e) {
        String entities = (String) e.getProperty("LegalEntities");
        return new SyncRun(flow, e.getRowKey(), entities == null || entities.isEmpty() ? List.of()
                : Arrays.asList(entities.split(",")), Optional.ofNullable((String) e.getProperty("RecordKey")),
                Boolean.TRUE.equals(e.getProperty("DryRun")), (String) e.getProperty("Trigger"),
                instant(e.getProperty("StartedAt")).orElse(Instant.EPOCH), instant(e.getProperty("FinishedAt")));
    }

    private static TableEntity toEntity(SyncProgress p) {
        TableEntity e = new TableEntity(progressPartition(p.flow(), p.runId()), TableKeyCodec.encode(p.legalEntity()))
                .addProperty("LegalEntity", p.legalEntity()).addProperty("Pages", p.pages())
                .addProperty("PagesDone", p.pagesDone()).addProperty("Done", p.done())
                .addProperty("Preparing", p.preparing()).addProperty("Attempt", p.attempt())
                .addProperty("Partial", p.partial())
                .addProperty("Counters", write(p.counters())).addProperty("Samples", write(p.samples()))
                .addProperty("UpdatedAt", OffsetDateTime.ofInstant(p.updatedAt(), ZoneOffset.UTC));
        p.after().ifPresent(a -> e.addProperty("After", a));
        return e;
    }

    private static SyncProgress toProgress(String flow, String runId, TableEntity e) {
        try {
            return new SyncProgress(flow, runId, (String) e.getProperty("LegalEntity"),
                    Optional.ofNullable((String) e.getProperty("After")), ((Number) e.getProperty("Pages")).intValue(),
                    Boolean.TRUE.equals(e.getProperty("PagesDone")), Boolean.TRUE.equals(e.getProperty("Done")),
                    Boolean.TRUE.equals(e.getProperty("Preparing")),
                    e.getProperty("Attempt") instanceof Number n ? n.intValue() : 0,
                    Boolean.TRUE.equals(e.getProperty("Partial")),
                    Json.mapper().readValue((String) e.getProperty("Counters"), SyncCounters.class),
                    Json.mapper().readValue((String) e.getProperty("Samples"), new TypeReference<List<String>>() { }),
                    instant(e.getProperty("UpdatedAt")).orElse(Instant.EPOCH), e.getETag());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Sync progress of " + flow + " run " + runId + " is unreadable", ex);
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Instant> instant(Object value) {
        return value instanceof OffsetDateTime odt ? Optional.of(odt.toInstant()) : Optional.empty();
    }

    private static String flowPartition(String flow) {
        return TableKeyCodec.encode(flow);
    }

    private static String progressPartition(String flow, String runId) {
        return TableKeyCodec.encode(flow + "|" + runId);
    }

    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
