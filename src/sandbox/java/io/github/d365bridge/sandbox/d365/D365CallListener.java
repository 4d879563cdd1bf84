package io.github.d365bridge.sandbox.d365;

/**
 * Told about calls the sandbox is answering, on the answering thread and before the answer is sent: a
 * chaos test kills the bridge at exactly that moment (the import was started, the outcome was read, but
 * the bridge never learns it). Listeners must be quick and must not throw.
 */
@FunctionalInterface
public interface D365CallListener {

    /**
     * @param operation the DMF action ({@code ImportFromPackage}, {@code GetExecutionSummaryStatus} …) or
     *                  {@code "<METHOD> <entity set>"} for OData ({@code GET SalesOrderHeadersV2})
     * @param detail    the answer's value for DMF actions that have a text answer (the status), else ""
     */
    void seen(String operation, String detail);
}
