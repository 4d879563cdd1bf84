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

    /**
     * Our execution id, stable for one attempt, so a redelivered start finds the export it already began. D365's
     * execution ids are global, not per company, so the legal entity is part of it: the exports of one run from
     * two companies are two executions, each with its own package.
     */
    public String executionId() {
        return "bridge-" + purpose + "-" + runId + "-" + legalEntity + "-" + attempt;
    }

    /** The attempt an execution id of an export plan was made for. */
    public static int attemptOf(String executionId) {
        int dash = executionId.lastIndexOf('-');
        try {
            return Integer.parseInt(executionId.substring(dash + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + executionId + "' is no export execution id of the bridge", e);
        }
    }

    /** The package name D365 gives the exported zip. */
    public String packageName() {
        return executionId() + ".zip";
    }
}
