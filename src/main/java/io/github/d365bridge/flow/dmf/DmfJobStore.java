package io.github.d365bridge.flow.dmf;

import java.time.Instant;
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

/** DMF job records (partition = legal entity, row = execution id): what is in flight, for supervision and status. */
public final class DmfJobStore {

    private static final String LABEL_SEPARATOR = "\n";

    private final StateTable table;

    public DmfJobStore(StorageAccount storage, String tableName) {
        this.table = new StateTable(storage, tableName);
    }

    /** Records a new job; false when one with this execution id exists (a redelivered start). */
    public boolean insert(DmfJob job) {
        return table.insertIfAbsent(toEntity(job));
    }

    public void save(DmfJob job) {
        table.upsert(toEntity(job));
    }

    /** Forgets a job D365 never got (its start failed before the import was accepted). */
    public void delete(String legalEntity, String executionId) {
        table.delete(legalEntity, executionId);
    }

    public Optional<DmfJob> find(String legalEntity, String executionId) {
        return table.get(legalEntity, executionId).map(DmfJobStore::toJob);
    }

    /** Jobs not settled yet (for the status view and the reconciler). */
    public Stream<DmfJob> inFlight() {
        return table.query("Finished eq false", 1000, null).map(DmfJobStore::toJob);
    }

    private static TableEntity toEntity(DmfJob job) {
        TableEntity entity = new TableEntity(job.legalEntity(), job.executionId())
                .addProperty("DefinitionGroup", job.definitionGroup()).addProperty("Purpose", job.purpose())
                .addProperty("BatchId", job.batchId())
                .addProperty("EntityLabels", String.join(LABEL_SEPARATOR, job.entityLabels()))
                .addProperty("StartedAt", OffsetDateTime.ofInstant(job.startedAt(), ZoneOffset.UTC))
                .addProperty("Deadline", OffsetDateTime.ofInstant(job.deadline(), ZoneOffset.UTC))
                .addProperty("Checks", job.checks()).addProperty("NextDelaySeconds", job.nextDelaySeconds())
                .addProperty("Overdue", job.overdue()).addProperty("Finished", job.isFinished());
        if (job.lastStatus() != null) {
            entity.addProperty("LastStatus", job.lastStatus().name());
        }
        putInstant(entity, "SubmittedAt", job.submittedAt());
        putInstant(entity, "NotFoundSince", job.notFoundSince());
        putInstant(entity, "CheckedAt", job.checkedAt());
        if (job.refusal() != null) {
            entity.addProperty("Refusal", io.github.d365bridge.client.core.Redactor.truncate(job.refusal(), 8_000));
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
                optionalInstant(e.getProperty("CheckedAt")), (String) e.getProperty("Refusal"));
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
