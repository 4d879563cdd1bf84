package io.github.d365bridge.flow.dmf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.storage.TableKeyCodec;

/**
 * DMF job records (partition = legal entity, row = execution id): what is in flight, for supervision and status.
 * <p>
 * A settled job also gets a row in the partition of the day it settled ({@code ~settled-yyyy-MM-dd}, row =
 * legal entity and execution id), written before the settled record itself: housekeeping reads the partitions
 * of the expired days by a key range, so its cost follows the jobs that expire, never the jobs kept. Written
 * first, a crash in between leaves an index row of a job not settled yet, which the sweep drops (the job is
 * indexed again when it settles), never a settled job nobody would find.
 */
public final class DmfJobStore {

    private static final String LABEL_SEPARATOR = "\n";
    /** '~' sorts after every letter and digit a legal entity (dataAreaId) is made of. */
    static final String SETTLED_PREFIX = "~settled-";
    private static final String INDEX_ROW_SEPARATOR = "|";
    static final String IN_FLIGHT = "~in-flight";
    /** Far longer than an insert takes from its index row to its record. */
    private static final java.time.Duration ORPHAN_AFTER = java.time.Duration.ofHours(1);

    private final StateTable table;

    public DmfJobStore(StorageAccount storage, String tableName) {
        this.table = new StateTable(storage, tableName);
    }

    /** Records a new job; false when one with this execution id exists (a redelivered start). */
    public boolean insert(DmfJob job) {
        if (job.isFinished()) {
            indexIfSettled(job);
        } else {
            table.upsert(inFlightRow(job.legalEntity(), job.executionId()));
        }
        return table.insertIfAbsent(toEntity(job));
    }

    /**
     * Saves a job. A job not settled writes its in-flight row again first (one more request per check), so a
     * job recorded before the in-flight index existed, or whose row was lost, is listed again from its next check.
     */
    public void save(DmfJob job) {
        if (job.isFinished()) {
            indexIfSettled(job);
            table.upsert(toEntity(job));
            table.delete(IN_FLIGHT, inFlightRow(job.legalEntity(), job.executionId()).getRowKey());
        } else {
            table.upsert(inFlightRow(job.legalEntity(), job.executionId()));
            table.upsert(toEntity(job));
        }
    }

    /** Forgets a job D365 never got (its start failed before the import was accepted). */
    public void delete(String legalEntity, String executionId) {
        table.delete(legalEntity, executionId);
        table.delete(IN_FLIGHT, inFlightRow(legalEntity, executionId).getRowKey());
    }

    /** Forgets a settled job past its retention (a settled job has no in-flight row). */
    public void deleteSettled(String legalEntity, String executionId) {
        table.delete(legalEntity, executionId);
    }

    public Optional<DmfJob> find(String legalEntity, String executionId) {
        return table.get(legalEntity, executionId).map(DmfJobStore::toJob);
    }

    /** Jobs not settled yet (for the status view): one query of the in-flight rows, one read per job. */
    public Stream<DmfJob> inFlight() {
        List<TableEntity> rows;
        try (Stream<TableEntity> index = table.query("PartitionKey eq '" + IN_FLIGHT + "'", 1000, null)) {
            rows = index.toList();
        }
        List<DmfJob> jobs = new java.util.ArrayList<>();
        for (TableEntity row : rows) {
            Optional<DmfJob> job = find((String) row.getProperty("LegalEntity"), (String) row.getProperty("ExecutionId"));
            if (job.isPresent() && !job.get().isFinished()) {
                jobs.add(job.get());
            } else if (job.isPresent() || isOrphan(row)) {
                table.delete(IN_FLIGHT, row.getRowKey());
            }
        }
        return jobs.stream();
    }

    private static boolean isOrphan(TableEntity row) {
        OffsetDateTime written = row.getTimestamp();
        return written != null && written.toInstant().isBefore(Instant.now().minus(ORPHAN_AFTER));
    }

    private static TableEntity inFlightRow(String legalEntity, String executionId) {
        return new TableEntity(IN_FLIGHT, TableKeyCodec.encode(legalEntity) + INDEX_ROW_SEPARATOR
                + TableKeyCodec.encode(executionId)).addProperty("LegalEntity", legalEntity)
                .addProperty("ExecutionId", executionId);
    }

    /** Up to {@code limit} index rows of jobs that settled on a day before {@code day}, oldest day first. */
    public List<SettledJob> settledBefore(LocalDate day, int limit) {
        String filter = "PartitionKey ge '" + SETTLED_PREFIX + "' and PartitionKey lt '" + SETTLED_PREFIX + day + "'";
        return table.query(filter, Math.min(limit, 1000), null).limit(limit)
                .map(e -> new SettledJob(e.getPartitionKey(), e.getRowKey(), (String) e.getProperty("LegalEntity"),
                        (String) e.getProperty("ExecutionId"))).toList();
    }

    /** Moves an index row to {@code day} (a job kept for now is looked at again a retention later). */
    public void reindex(SettledJob settled, LocalDate day) {
        index(settled.legalEntity(), settled.executionId(), day);
        forget(settled);
    }

    /** Deletes an index row (its job is gone, or not settled after all). */
    public void forget(SettledJob settled) {
        table.delete(settled.indexPartition(), settled.indexRow());
    }

    /** One row of the settled-day index. */
    public record SettledJob(String indexPartition, String indexRow, String legalEntity, String executionId) {
    }

    private void indexIfSettled(DmfJob job) {
        if (job.isFinished()) {
            // the latest check settles a job (abandoned ones are checked when written)
            Instant settledAt = job.checkedAt() != null ? job.checkedAt() : job.startedAt();
            index(job.legalEntity(), job.executionId(), LocalDate.ofInstant(settledAt, ZoneOffset.UTC));
        }
    }

    private void index(String legalEntity, String executionId, LocalDate day) {
        table.upsert(new TableEntity(SETTLED_PREFIX + day,
                TableKeyCodec.encode(legalEntity) + INDEX_ROW_SEPARATOR + TableKeyCodec.encode(executionId))
                .addProperty("LegalEntity", legalEntity).addProperty("ExecutionId", executionId));
    }

    private static TableEntity toEntity(DmfJob job) {
        TableEntity entity = new TableEntity(job.legalEntity(), job.executionId())
                .addProperty("DefinitionGroup", job.definitionGroup()).addProperty("Purpose", job.purpose())
                .addProperty("BatchId", job.batchId())
                .addProperty("EntityLabels", String.join(LABEL_SEPARATOR, job.entityLabels()))
                .addProperty("StartedAt", OffsetDateTime.ofInstant(job.startedAt(), ZoneOffset.UTC))
                .addProperty("Deadline", OffsetDateTime.ofInstant(job.deadline(), ZoneOffset.UTC))
                .addProperty("Checks", job.checks()).addProperty("NextDelaySeconds", job.nextDelaySeconds())
                .addProperty("Overdue", job.overdue()).addProperty("Finished", job.isFinished())
                .addProperty("Kind", job.kind().name());
        if (job.lastStatus() != null) {
            entity.addProperty("LastStatus", job.lastStatus().name());
        }
        putInstant(entity, "SubmittedAt", job.submittedAt());
        putInstant(entity, "NotFoundSince", job.notFoundSince());
        putInstant(entity, "CheckedAt", job.checkedAt());
        if (job.refusal() != null) {
            entity.addProperty("Refusal", io.github.d365bridge.ground.Redactor.truncate(job.refusal(), 8_000));
        }
        return entity;
    }

    private static DmfJob toJob(TableEntity e) {
        Object status = e.getProperty("LastStatus");
        return new DmfJob(e.getPartitionKey(), e.getRowKey(), (String) e.getProperty("DefinitionGroup"),
                (String) e.getProperty("Purpose"), (String) e.getProperty("BatchId"),
                labels((String) e.getProperty("EntityLabels")),
                instant(e.getProperty("StartedAt")), instant(e.getProperty("Deadline")),
                status == null ? null : DmfExecutionStatus.valueOf((String) status),
                ((Number) e.getProperty("Checks")).intValue(), ((Number) e.getProperty("NextDelaySeconds")).longValue(),
                Boolean.TRUE.equals(e.getProperty("Overdue")), Boolean.TRUE.equals(e.getProperty("Finished")),
                optionalInstant(e.getProperty("SubmittedAt")), optionalInstant(e.getProperty("NotFoundSince")),
                optionalInstant(e.getProperty("CheckedAt")), (String) e.getProperty("Refusal"),
                // records written before exports were supervised are imports
                e.getProperty("Kind") == null ? DmfJobKind.IMPORT : DmfJobKind.valueOf((String) e.getProperty("Kind")));
    }

    private static List<String> labels(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.copyOf(Arrays.asList(joined.split(LABEL_SEPARATOR)));
    }

    private static void putInstant(TableEntity entity, String name, Instant value) {
        if (value != null) {
            entity.addProperty(name, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static Instant optionalInstant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : null;
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : Instant.EPOCH;
    }
}
