package io.github.d365bridge.flow.dmf;

import java.time.Instant;
import java.util.List;

import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;

/**
 * A DMF import the bridge started and supervises until D365 finishes it or its deadline passes.
 *
 * @param legalEntity     company the package was imported into
 * @param executionId     D365's execution id (ours: {@code bridge-<purpose>-<batch>-<attempt>})
 * @param definitionGroup the data project
 * @param purpose         which flow owns the outcome, e.g. {@code orders}
 * @param batchId         the flow's batch the package holds
 * @param entityLabels    the entities in the package (for the error-keys actions)
 * @param startedAt       when the import was started
 * @param deadline        after this, a job still not finished counts as stuck
 * @param lastStatus      the latest status D365 reported
 * @param checks          how often the status was asked for
 * @param nextDelaySeconds wait before the next status check ({@link DmfCheckSchedule})
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record DmfJob(String legalEntity, String executionId, String definitionGroup, String purpose, String batchId,
        List<String> entityLabels, Instant startedAt, Instant deadline, DmfExecutionStatus lastStatus, int checks,
        long nextDelaySeconds) {

    public DmfJob {
        entityLabels = List.copyOf(entityLabels);
    }

    public DmfJob checked(DmfExecutionStatus status, long nextDelay) {
        return new DmfJob(legalEntity, executionId, definitionGroup, purpose, batchId, entityLabels, startedAt, deadline,
                status, checks + 1, nextDelay);
    }

    public boolean isFinished() {
        return lastStatus != null && lastStatus.isFinished();
    }
}
