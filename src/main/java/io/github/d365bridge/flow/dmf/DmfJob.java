package io.github.d365bridge.flow.dmf;

import java.time.Instant;
import java.util.List;

import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;

/**
 * A DMF import the bridge submitted and follows until D365 ends it (or until it is clear D365 never
 * started it).
 *
 * @param legalEntity     company the package was imported into
 * @param executionId     our execution id ({@code bridge-<purpose>-<batch>-<attempt>}), chosen before the
 *                        import is submitted so that D365 can be asked about it whatever became of the answer
 * @param definitionGroup the data project
 * @param purpose         which flow owns the outcome, e.g. {@code orders}
 * @param batchId         the flow's batch the package holds
 * @param entityLabels    the entities in the package (for the error-keys actions)
 * @param startedAt       when the import was submitted
 * @param deadline        after this the job is overdue: it no longer holds the data project
 * @param lastStatus      the latest status D365 reported ({@code NOT_FOUND} while D365 does not know it)
 * @param checks          how often the status was asked for
 * @param nextDelaySeconds wait before the next status check ({@link DmfCheckSchedule})
 * @param overdue         the deadline passed while D365 still ran the job (it is still followed)
 * @param settled         the flow has dealt with the job's end; nothing more happens to it
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record DmfJob(String legalEntity, String executionId, String definitionGroup, String purpose, String batchId,
        List<String> entityLabels, Instant startedAt, Instant deadline, DmfExecutionStatus lastStatus, int checks,
        long nextDelaySeconds, boolean overdue, boolean settled) {

    public DmfJob {
        entityLabels = List.copyOf(entityLabels);
    }

    public DmfJob checked(DmfExecutionStatus status, long nextDelay) {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                status, checks + 1, nextDelay, overdue, settled);
    }

    public DmfJob markedOverdue() {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                lastStatus, checks, nextDelaySeconds, true, settled);
    }

    public DmfJob markedSettled() {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                lastStatus, checks, nextDelaySeconds, overdue, true);
    }

    /** True once the flow has dealt with the job's end (D365 finished it, or never started it). */
    public boolean isFinished() {
        return settled;
    }
}
