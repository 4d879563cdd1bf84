package io.github.d365bridge.flow.dmf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.core.Correlation;
import io.github.d365bridge.client.core.ErrorClassifier;
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
 * queue-driven status checks ({@link DmfCheckSchedule}: 5 s growing with the job's age to a 60 s cap)
 * until D365 ends it; then hands it to its flow's {@link DmfJobListener}.
 * <p>
 * What D365 says decides, never what the bridge assumes. The execution id is ours and recorded before
 * the import is submitted, so an import whose answer was lost (timeout, 502, reset) is simply followed
 * like any other: D365 either knows the execution or, after {@code notFoundGrace}, evidently never
 * started it. A job past its deadline is overdue but still followed, and keeps its data project: a late
 * job still imports its rows, so its records are neither packaged again nor failed while it may finish. Every step is idempotent: a redelivered start finds its job, a repeated check of a settled job
 * does nothing, and the listener may run twice.
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
     * @param onEnded told as soon as an import ended and its data project is free again,
     *                before the flow's listener works through the outcome, so the next import need not wait
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
     * Starts {@code plan} unless another import of the same project and company holds it; empty then, and
     * the caller tries again later. Returns the job whenever D365 may have it, also when the answer to the
     * import was lost: the status checks find out.
     *
     * @throws DmfImportNotStartedException when the import certainly did not start (nothing to follow)
     */
    public Optional<DmfJob> start(ImportPlan plan) {
        String executionId = plan.executionId();
        Optional<DmfJob> known = jobs.find(plan.legalEntity(), executionId);
        if (known.isPresent()) {
            // A start repeated after a crash: the checks (scheduled again here) settle whatever happened.
            scheduleCheck(known.get(), options.firstCheckDelay());
            return known;
        }
        Instant now = clock.instant();
        if (!lock.tryAcquire(plan.legalEntity(), plan.definitionGroup(), executionId, now.plus(options.jobTimeout()))) {
            return Optional.empty();
        }
        DmfJob job = new DmfJob(plan.legalEntity(), executionId, plan.definitionGroup(), plan.purpose(), plan.batchId(),
                plan.entityLabels(), now, now.plus(options.jobTimeout()), DmfExecutionStatus.NOT_RUN, 0,
                options.firstCheckDelay().toSeconds(), false, false);
        jobs.insert(job);
        WriteUrl uploaded;
        try {
            // A fresh write URL for every upload; the client re-requests once if the SAS expired.
            uploaded = d365.dmf().uploadPackage(executionId + ".zip", plan.packageFile());
        } catch (RuntimeException notUploaded) {
            forget(job);
            throw new DmfImportNotStartedException("The package of " + executionId + " could not be uploaded",
                    notUploaded, false);
        }
        try {
            d365.dmf().importFromPackage(new ImportRequest(uploaded.blobUrl(), plan.definitionGroup(), executionId,
                    plan.legalEntity()));
            LOG.infof("DMF import %s started: %s into %s (%s)", executionId, plan.definitionGroup(), plan.legalEntity(),
                    plan.batchId());
        } catch (RuntimeException noAnswer) {
            if (refusedAndUnknown(executionId, noAnswer)) {
                forget(job);
                throw new DmfImportNotStartedException("D365 refused import " + executionId, noAnswer, true);
            }
            // The import may have been created even though its answer never came (or a retry of the call
            // met the job the first attempt created): follow it; D365's status decides.
            LOG.warnf("DMF import %s: no clear answer from D365 (%s); following the execution to learn what happened",
                    executionId, noAnswer.getMessage());
        }
        scheduleCheck(job, options.firstCheckDelay());
        return Optional.of(job);
    }

    /** True when D365 refused the import for good and does not know the execution: it certainly did not start. */
    private boolean refusedAndUnknown(String executionId, RuntimeException failure) {
        if (ErrorClassifier.isRetriable(failure)) {
            return false;
        }
        try {
            return d365.dmf().getExecutionSummaryStatus(executionId) == DmfExecutionStatus.NOT_FOUND;
        } catch (RuntimeException cannotAsk) {
            return false; // cannot tell now: the checks will ask again
        }
    }

    private void forget(DmfJob job) {
        jobs.delete(job.legalEntity(), job.executionId());
        lock.release(job.legalEntity(), job.definitionGroup(), job.executionId());
    }

    /** True while an import of this data project into this company runs (a start would wait). */
    public boolean isBusy(String legalEntity, String definitionGroup) {
        return lock.isHeld(legalEntity, definitionGroup);
    }

    /** The job record, if the bridge ever submitted this execution. */
    public Optional<DmfJob> job(String legalEntity, String executionId) {
        return jobs.find(legalEntity, executionId);
    }

    /** One status check; schedules the next one, or ends the job. */
    public DmfJob check(String legalEntity, String executionId) {
        DmfJob job = jobs.find(legalEntity, executionId).orElseThrow(() -> new PoisonMessageException(
                "No DMF job " + executionId + " for " + legalEntity + " is recorded"));
        if (job.isFinished()) {
            return job;
        }
        DmfExecutionStatus status = d365.dmf().getExecutionSummaryStatus(executionId);
        Duration age = Duration.between(job.startedAt(), clock.instant());
        // The job is recorded as settled only after its flow has dealt with the outcome: a listener that
        // fails (a fault, a crash) runs again on the redelivered check instead of leaving records behind.
        if (status.isFinished()) {
            DmfJob finished = job.checked(status, 0);
            LOG.infof("DMF import %s finished: %s after %d checks%s", executionId, status, finished.checks(),
                    job.overdue() ? " (" + age.toSeconds() + " s, past its deadline)" : "");
            // D365 is done with the project: free it first, so the next import can be packaged while this
            // outcome is worked through (releasing is idempotent)
            release(job);
            listener(job).onFinished(finished);
            DmfJob settled = finished.markedSettled();
            jobs.save(settled);
            return settled;
        }
        if (status == DmfExecutionStatus.NOT_FOUND && age.compareTo(options.notFoundGrace()) > 0) {
            LOG.warnf("DMF import %s is unknown to D365 %d s after it was submitted: it never started (its start was"
                    + " lost or refused, or D365 lost the job); its records are looked up and the rest sent again",
                    executionId, age.toSeconds());
            DmfJob never = job.checked(status, 0);
            release(job);
            listener(job).onNeverStarted(never);
            DmfJob settled = never.markedSettled();
            jobs.save(settled);
            return settled;
        }
        Duration next = status == DmfExecutionStatus.NOT_FOUND ? options.firstCheckDelay() : schedule.nextDelay(age);
        DmfJob pending = job.checked(status, Math.max(1, next.toSeconds()));
        if (clock.instant().isAfter(job.deadline())) {
            // Not cancelled, not failed: D365 may still finish it, and then its rows are imported. Keep
            // following it, and keep its data project (D365 fails a second import of the same entities while
            // this one runs); the lock is extended check by check, so it still lapses if the checks stop.
            if (!job.overdue()) {
                pending = pending.markedOverdue();
                LOG.warnf("DMF import %s is still %s at its deadline %s: followed until D365 ends it (cancel it in"
                        + " D365, Data management > Job history, to have its records sent again)", executionId,
                        status, job.deadline());
            }
            lock.extend(job.legalEntity(), job.definitionGroup(), executionId, clock.instant().plus(options.jobTimeout()));
        }
        jobs.save(pending);
        scheduleCheck(pending, next);
        return pending;
    }

    /**
     * Hands a settled job to its listener again (the reconciler, for records a crash left behind after
     * the job ended); a job still followed gets one more status check now instead.
     */
    public void resume(DmfJob job) {
        if (!job.isFinished()) {
            scheduleCheck(job, Duration.ZERO);
        } else if (job.lastStatus() == DmfExecutionStatus.NOT_FOUND) {
            listener(job).onNeverStarted(job);
        } else {
            listener(job).onFinished(job);
        }
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
