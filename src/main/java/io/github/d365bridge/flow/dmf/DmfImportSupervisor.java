package io.github.d365bridge.flow.dmf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.core.Correlation;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.dmf.ImportRequest;
import io.github.d365bridge.client.d365.dmf.WriteUrl;
import io.github.d365bridge.storage.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * Starts DMF imports one at a time per data project and legal entity, and follows each job through
 * queue-driven status checks ({@link DmfCheckSchedule}: 5 s growing with the job's age to a 60 s cap) until D365 finishes it or its deadline
 * passes; then releases the project and hands the job to its flow's {@link DmfJobListener}. Both steps
 * are idempotent: a redelivered start finds its job, a repeated check of a finished job does nothing.
 */
public final class DmfImportSupervisor {

    public static final String CHECK_MESSAGE_TYPE = "dmf.check";
    private static final Logger LOG = Logger.getLogger(DmfImportSupervisor.class);

    private final D365Client d365;
    private final DmfImportLock lock;
    private final DmfJobStore jobs;
    private final QueuePublisher publisher;
    private final String statusQueue;
    private final DmfSupervisionOptions options;
    private final DmfCheckSchedule schedule;
    private final java.util.function.Consumer<DmfImportEnded> onEnded;
    private final List<DmfJobListener> listeners;
    private final Clock clock;

    public DmfImportSupervisor(D365Client d365, DmfImportLock lock, DmfJobStore jobs, QueuePublisher publisher,
            String statusQueue, DmfSupervisionOptions options, List<DmfJobListener> listeners, Clock clock) {
        this(d365, lock, jobs, publisher, statusQueue, options, listeners, clock, ended -> {
        });
    }

    /**
     * @param onEnded told as soon as an import ended and its data project is free again, before the flow's
     *                listener works through the outcome, so the next import need not wait for that
     */
    public DmfImportSupervisor(D365Client d365, DmfImportLock lock, DmfJobStore jobs, QueuePublisher publisher,
            String statusQueue, DmfSupervisionOptions options, List<DmfJobListener> listeners, Clock clock,
            java.util.function.Consumer<DmfImportEnded> onEnded) {
        this.onEnded = onEnded;
        this.d365 = d365;
        this.lock = lock;
        this.jobs = jobs;
        this.publisher = publisher;
        this.statusQueue = statusQueue;
        this.options = options;
        this.schedule = new DmfCheckSchedule(options.firstCheckDelay(), options.maxCheckDelay());
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /**
     * Starts {@code plan} unless another import of the same project and company is running; empty then,
     * and the caller tries again later. A start delivered twice imports once.
     */
    public Optional<DmfJob> start(ImportPlan plan) {
        String executionId = plan.executionId();
        Optional<DmfJob> known = jobs.find(plan.legalEntity(), executionId);
        if (known.isPresent()) {
            // A redelivered start: import only if D365 never got it (we crashed between record and import).
            if (d365.dmf().getExecutionSummaryStatus(executionId) == DmfExecutionStatus.NOT_FOUND) {
                importPackage(plan);
            }
            scheduleCheck(known.get(), options.firstCheckDelay());
            return known;
        }
        Instant now = clock.instant();
        if (!lock.tryAcquire(plan.legalEntity(), plan.definitionGroup(), executionId, now.plus(options.jobTimeout()))) {
            return Optional.empty();
        }
        DmfJob job = new DmfJob(plan.legalEntity(), executionId, plan.definitionGroup(), plan.purpose(), plan.batchId(),
                plan.entityLabels(), now, now.plus(options.jobTimeout()), DmfExecutionStatus.NOT_RUN, 0,
                options.firstCheckDelay().toSeconds());
        jobs.insert(job);
        try {
            importPackage(plan);
        } catch (RuntimeException notStarted) {
            // Upload or start refused (e.g. the write URL expired twice): D365 has no job, so free the data
            // project and forget the record; the caller hands the orders back for the next round.
            jobs.delete(plan.legalEntity(), executionId);
            lock.release(plan.legalEntity(), plan.definitionGroup(), executionId);
            throw notStarted;
        }
        LOG.infof("DMF import %s started: %s into %s (%s)", executionId, plan.definitionGroup(), plan.legalEntity(),
                plan.batchId());
        scheduleCheck(job, options.firstCheckDelay());
        return Optional.of(job);
    }

    /** True while an import of this data project into this company runs (a start would wait). */
    public boolean isBusy(String legalEntity, String definitionGroup) {
        return lock.isHeld(legalEntity, definitionGroup);
    }

    private void importPackage(ImportPlan plan) {
        // A fresh write URL for every upload; the client re-requests once if the SAS expired.
        WriteUrl uploaded = d365.dmf().uploadPackage(plan.executionId() + ".zip", plan.packageFile());
        d365.dmf().importFromPackage(new ImportRequest(uploaded.blobUrl(), plan.definitionGroup(), plan.executionId(),
                plan.legalEntity()));
    }

    /** One status check; schedules the next one, or ends the job. */
    public DmfJob check(String legalEntity, String executionId) {
        DmfJob job = jobs.find(legalEntity, executionId).orElseThrow(() -> new PoisonMessageException(
                "No DMF job " + executionId + " for " + legalEntity + " is recorded"));
        if (job.isFinished()) {
            return job;
        }
        DmfExecutionStatus status = d365.dmf().getExecutionSummaryStatus(executionId);
        // The job is recorded as finished only after its flow has dealt with the outcome: a listener that
        // fails (a fault, a crash) runs again on the redelivered check instead of leaving orders behind.
        if (status.isFinished()) {
            DmfJob finished = job.checked(status, 0);
            LOG.infof("DMF import %s finished: %s after %d checks", executionId, status, finished.checks());
            // D365 is done with the project: free it first, so the next import can be packaged while this
            // outcome is worked through (a redelivered check re-runs the listener; releasing is idempotent)
            release(job);
            listener(job).onFinished(finished);
            jobs.save(finished);
            return finished;
        }
        if (clock.instant().isAfter(job.deadline())) {
            DmfJob stuck = job.checked(DmfExecutionStatus.CANCELED, 0);
            LOG.warnf("DMF import %s still %s at its deadline: treated as failed", executionId, status);
            release(job);
            listener(job).onDeadlinePassed(stuck);
            jobs.save(stuck);
            return stuck;
        }
        Duration next = schedule.nextDelay(Duration.between(job.startedAt(), clock.instant()));
        DmfJob pending = job.checked(status, Math.max(1, next.toSeconds()));
        jobs.save(pending);
        scheduleCheck(pending, next);
        return pending;
    }

    private void release(DmfJob job) {
        lock.release(job.legalEntity(), job.definitionGroup(), job.executionId());
        onEnded.accept(new DmfImportEnded(job.legalEntity(), job.definitionGroup(), job.purpose(), job.executionId()));
    }

    private void scheduleCheck(DmfJob job, Duration delay) {
        ObjectNode payload = Json.mapper().createObjectNode().put("legalEntity", job.legalEntity())
                .put("executionId", job.executionId());
        publisher.send(statusQueue, MessageEnvelope.of(CHECK_MESSAGE_TYPE, Correlation.currentOrNew(), payload)
                .withBusinessKey(job.legalEntity(), job.executionId()), delay);
    }

    private DmfJobListener listener(DmfJob job) {
        return listeners.stream().filter(l -> l.purpose().equals(job.purpose())).findFirst()
                .orElseThrow(() -> new PoisonMessageException("No flow handles DMF jobs of purpose '" + job.purpose()
                        + "' (job " + job.executionId() + ")"));
    }
}
