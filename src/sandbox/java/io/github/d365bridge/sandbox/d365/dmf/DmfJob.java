package io.github.d365bridge.sandbox.d365.dmf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One DMF execution, import or export, as {@code GetExecutionSummaryStatus} and the error actions see it.
 * Status moves NotRun → Executing → Succeeded | PartiallySucceeded | Failed. When it was created and when
 * it ended are kept as D365's job history shows them, so a benchmark can tell the job's own time from
 * the time its client adds between two jobs.
 */
public final class DmfJob {

    public enum Kind { IMPORT, EXPORT }

    private static final Set<String> FINAL = Set.of("Succeeded", "PartiallySucceeded", "Failed", "Canceled");

    /** A row that failed at the staging-to-target step, with the key columns and D365's text. */
    public record FailedRow(String entityLabel, long rowNumber, Map<String, String> keys, String message) {
    }

    private final String executionId;
    private final Kind kind;
    private final String definitionGroup;
    private final String legalEntity;
    private final Instant createdAt = Instant.now();
    private volatile String status = "NotRun";
    private volatile Instant endedAt;
    private volatile long rows;
    private volatile Set<String> labels = Set.of();
    private final List<String> errors = new ArrayList<>();
    private final List<FailedRow> failedRows = new ArrayList<>();
    private final Map<String, String> errorKeyBlobs = new ConcurrentHashMap<>();
    private final Set<String> errorKeyRequests = ConcurrentHashMap.newKeySet();
    private volatile String exportBlob;

    DmfJob(String executionId, Kind kind, String definitionGroup, String legalEntity) {
        this.executionId = executionId;
        this.kind = kind;
        this.definitionGroup = definitionGroup;
        this.legalEntity = legalEntity;
    }

    public String executionId() { return executionId; }
    public Kind kind() { return kind; }
    public String definitionGroup() { return definitionGroup; }
    public String legalEntity() { return legalEntity; }
    public String status() { return status; }
    /** When the start call created the execution. */
    public Instant createdAt() { return createdAt; }
    /** When the status became final; null while the job runs. */
    public Instant endedAt() { return endedAt; }
    /** Package rows of an import (headers and lines), once it was read; 0 before. */
    public long rows() { return rows; }
    void rows(long value) { rows = value; }

    synchronized void status(String value) {
        if (endedAt == null && FINAL.contains(value)) {
            endedAt = Instant.now();
        }
        status = value;
    }
    Set<String> labels() { return labels; }
    void labels(Set<String> value) { labels = Set.copyOf(value); }
    String exportBlob() { return exportBlob; }
    void exportBlob(String value) { exportBlob = value; }
    Map<String, String> errorKeyBlobs() { return errorKeyBlobs; }
    Set<String> errorKeyRequests() { return errorKeyRequests; }

    synchronized void error(String message) {
        errors.add(message);
    }

    synchronized void failed(FailedRow row) {
        failedRows.add(row);
    }

    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<FailedRow> failedRows() {
        return List.copyOf(failedRows);
    }

    synchronized List<FailedRow> failedRows(String label) {
        return failedRows.stream().filter(r -> r.entityLabel().equalsIgnoreCase(label)).toList();
    }
}
