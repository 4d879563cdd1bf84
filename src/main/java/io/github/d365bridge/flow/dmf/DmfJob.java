package io.github.d365bridge.flow.dmf;

import java.time.Instant;
import java.util.List;

import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;

/**
 * A DMF import or export the bridge submitted and follows until D365 ends it (or until it is clear D365
 * never started it).
 *
 * @param legalEntity     company the package was imported into
 * @param executionId     our execution id ({@code bridge-<purpose>-<batch>-<attempt>}), chosen before the
 *                        import is submitted so that D365 can be asked about it whatever became of the answer
 * @param definitionGroup the data project
 * @param purpose         which flow owns the outcome, e.g. {@code orders}
 * @param batchId         the flow's batch the package holds
 * @param entityLabels    the entities in the package (for the error-keys actions)
 * @param startedAt       when the job was recorded (before the upload)
 * @param deadline        after this the job is overdue (still followed)
 * @param lastStatus      the latest status D365 reported ({@code NOT_FOUND} while D365 does not know it)
 * @param checks          how often the status was asked for
 * @param nextDelaySeconds wait before the next status check ({@link DmfCheckSchedule})
 * @param overdue         the deadline passed while D365 still ran the job
 * @param settled         the flow has dealt with the job's end; nothing more happens to it
 * @param submittedAt     when the ImportFromPackage call returned or failed (null: not yet, or the process died
 *                        in it)
 * @param notFoundSince   since when D365 has answered "not found" without a break (null: it knows the job)
 * @param checkedAt       the latest status check
 * @param refusal         D365's answer when it refused the import call (the job is still followed: a call that
 *                        failed may have been applied, or retried into the job the first try created)
 * @param kind            import or export
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record DmfJob(String legalEntity, String executionId, String definitionGroup, String purpose, String batchId,
        List<String> entityLabels, Instant startedAt, Instant deadline, DmfExecutionStatus lastStatus, int checks,
        long nextDelaySeconds, boolean overdue, boolean settled, Instant submittedAt, Instant notFoundSince,
        Instant checkedAt, String refusal, DmfJobKind kind) {

    public DmfJob {
        entityLabels = List.copyOf(entityLabels);
        kind = kind == null ? DmfJobKind.IMPORT : kind;
    }

    /** A job just recorded, before anything is uploaded or submitted. */
    public static DmfJob recorded(ImportPlan plan, Instant now, Instant deadline, long firstDelaySeconds) {
        return new DmfJob(plan.legalEntity(), plan.executionId(), plan.definitionGroup(), plan.purpose(), plan.batchId(),
                plan.entityLabels(), now, deadline, DmfExecutionStatus.NOT_RUN, 0, firstDelaySeconds, false, false, null,
                null, null, null, DmfJobKind.IMPORT);
    }

    /** An export just recorded, before it is submitted. */
    public static DmfJob recorded(ExportPlan plan, Instant now, Instant deadline, long firstDelaySeconds) {
        return new DmfJob(plan.legalEntity(), plan.executionId(), plan.definitionGroup(), plan.purpose(), plan.runId(),
                List.of(), now, deadline, DmfExecutionStatus.NOT_RUN, 0, firstDelaySeconds, false, false, null, null, null,
                null, DmfJobKind.EXPORT);
    }

    /** The record that tells a late packager its execution was given up before it was submitted. */
    public static DmfJob abandoned(String legalEntity, String executionId, String definitionGroup, String purpose,
            String batchId, Instant now) {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, List.of(), now, now,
                DmfExecutionStatus.NOT_FOUND, 0, 0, false, true, null, null, now, null, DmfJobKind.IMPORT);
    }

    public DmfJob checked(DmfExecutionStatus status, long nextDelay, Instant now) {
        Instant since = status == DmfExecutionStatus.NOT_FOUND ? (notFoundSince == null ? now : notFoundSince) : null;
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                status, checks + 1, nextDelay, overdue, settled, submittedAt, since, now, refusal, kind);
    }

    public DmfJob submitted(Instant at, String refusedWith) {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                lastStatus, checks, nextDelaySeconds, overdue, settled, at, notFoundSince, checkedAt, refusedWith, kind);
    }

    public DmfJob markedOverdue() {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                lastStatus, checks, nextDelaySeconds, true, settled, submittedAt, notFoundSince, checkedAt, refusal, kind);
    }

    public DmfJob markedSettled() {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                lastStatus, checks, nextDelaySeconds, overdue, true, submittedAt, notFoundSince, checkedAt, refusal, kind);
    }

    /** True once the flow has dealt with the job's end (D365 finished it, or never started it). */
    public boolean isFinished() {
        return settled;
    }
}
