package io.github.d365bridge.bench;

import java.time.Instant;

/**
 * One DMF import of orders as both sides saw it: when D365 created and ended the job (its job history)
 * and when the bridge recorded it (after packaging, before the upload) and noticed its end (the status
 * check that found it finished).
 *
 * @param company     the legal entity
 * @param orders      orders in the package
 * @param rows        package rows (headers and lines), which the job's modelled duration depends on
 * @param recordedAt  the bridge recorded the job: its package was built, the upload comes next
 * @param submittedAt D365 created the execution (the import call reached it)
 * @param endedAt     D365 ended it
 * @param noticedAt   the bridge's status check found it ended
 */
record ImportCycle(String company, String executionId, int orders, long rows, Instant recordedAt, Instant submittedAt,
        Instant endedAt, Instant noticedAt) {
}
