package io.github.d365bridge.flow.dmf;

import java.nio.file.Path;
import java.util.List;

/**
 * A package ready to import.
 *
 * @param purpose         the owning flow (routes the outcome to its {@link DmfJobListener})
 * @param batchId         the flow's batch id
 * @param attempt         1 for the first import of this batch, higher for retries (a new execution each)
 * @param legalEntity     the company to import into
 * @param definitionGroup the data project that must exist in F&amp;O
 * @param entityLabels    the entity labels in the package
 * @param packageFile     the zip written by the package writer
 */
public record ImportPlan(String purpose, String batchId, int attempt, String legalEntity, String definitionGroup,
        List<String> entityLabels, Path packageFile) {

    public ImportPlan {
        entityLabels = List.copyOf(entityLabels);
    }

    /** The same plan with the package written. */
    public ImportPlan withPackage(Path file) {
        return new ImportPlan(purpose, batchId, attempt, legalEntity, definitionGroup, entityLabels, file);
    }

    /** Our execution id: stable for one attempt, so a redelivered start finds the job it already began. */
    public String executionId() {
        return "bridge-" + purpose + "-" + batchId + "-" + attempt;
    }
}
