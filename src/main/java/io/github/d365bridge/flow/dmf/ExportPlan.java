package io.github.d365bridge.flow.dmf;

/**
 * An export to start.
 *
 * @param purpose         the owning flow (routes the finished export to its {@link DmfJobListener})
 * @param runId           the flow's run the export feeds
 * @param attempt         1 for the first export of this run, higher when D365 never started or failed one
 * @param legalEntity     the company to export from
 * @param definitionGroup the export data project that must exist in F&amp;O (its entities decide the package)
 */
public record ExportPlan(String purpose, String runId, int attempt, String legalEntity, String definitionGroup) {

    /** Our execution id, stable for one attempt, so a redelivered start finds the export it already began. */
    public String executionId() {
        return "bridge-" + purpose + "-" + runId + "-" + attempt;
    }

    /** The package name D365 gives the exported zip. */
    public String packageName() {
        return executionId() + ".zip";
    }
}
