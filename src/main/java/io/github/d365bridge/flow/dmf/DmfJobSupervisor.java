package io.github.d365bridge.flow.dmf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.dmf.ImportRequest;
import io.github.d365bridge.client.d365.dmf.WriteUrl;
import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.storage.QueuePublisher;

/**
 * Starts DMF imports and exports one at a time per data project and legal entity, and follows each job through
 * queue-driven status checks ({@link DmfCheckSchedule}: 5 s growing with the job's age to a 60 s cap)
 * until D365 ends it; then hands it to its flow's {@link DmfJobListener}.
 * <p>
 * What D365 says decides, never what the bridge assumes. The execution id is ours and recorded before
 * the import is submitted, so an import whose answer was lost (timeout, 502, reset) is simply followed
 * like any other, and so is one D365 refused (a retried call may have met the job its first try created):
 * D365 either knows the execution or, {@code notFoundGrace} after the call came back, evidently never
 * started it. A job past its deadline is overdue but still followed, and keeps its data project: a late
 * job still imports its rows, so its records are neither packaged again nor failed while it may finish. Every step is idempotent: a redelivered start finds its job, a repeated check of a settled job
 * does nothing, and the listener may run twice.
 */
public final class DmfJobSupervisor {

    public static final String CHECK_MESSAGE_TYPE = "dmf.check";
    private static final Logger LOG = Logger.getLogger(DmfJobSupervisor.class);

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

    public DmfJobSupervisor(D365Client d365, DmfImportLock lock, DmfJobStore jobs, QueuePublisher publisher,
            String statusQueue, DmfSupervisionOptions options, List<DmfJobListener> listeners, Clock clock) {
        this(d365, lock, jobs, publisher, statusQueue, options, listeners, clock, ended -> {
        });
    }

    /**
     * @param onEnded told as soon as an import ended and its data project is free again,
     *                before the flow's listener works through the outcome, so the next import need not wait
     */
    public DmfJobSupervisor(D365Client d365, DmfImportLock lock, DmfJobStore jobs, QueuePublisher publisher,
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
     * the caller tries again later. Returns the job whenever the import call was made, whatever its answer:
     * a call that failed may have been applied (or retried into the job its first try created), so only
     * the status checks, asking D365, settle it.
     *
     * @throws DmfImportNotStartedException when nothing was submitted (the upload failed, or the execution
     *                                      was given up meanwhile)
     */
    public Optional<DmfJob> start(ImportPlan plan) {
        return begin(plan.legalEntity(), plan.definitionGroup(), plan.executionId(),
                now -> DmfJob.recorded(plan, now, now.plus(options.jobTimeout()), options.firstCheckDelay().toSeconds()),
                () -> {
                    WriteUrl uploaded;
                    try {
                        // A fresh write URL for every upload; the client re-requests once if the SAS expired.
                        uploaded = d365.dmf().uploadPackage(plan.executionId() + ".zip", plan.packageFile());
                    } catch (RuntimeException notUploaded) {
                        throw new DmfImportNotStartedException("The package of " + plan.executionId()
                                + " could not be uploaded", notUploaded);
                    }
                    return () -> {
                        d365.dmf().importFromPackage(new ImportRequest(uploaded.blobUrl(), plan.definitionGroup(),
                                plan.executionId(), plan.legalEntity()));
                        LOG.infof("DMF import %s started: %s into %s (%s)", plan.executionId(), plan.definitionGroup(),
                                plan.legalEntity(), plan.batchId());
                    };
                });
    }

    /**
     * Starts the export {@code plan} unless another job of the same project and company holds it (empty then:
     * try again later). Like an import, the job is recorded before {@code ExportToPackage} is called and
     * followed whatever the call answered; once D365 has finished it and its package URL is there, the
     * flow's listener gets it and reads the package with {@link #openExport}.
     */
    public Optional<DmfJob> startExport(ExportPlan plan) {
        return begin(plan.legalEntity(), plan.definitionGroup(), plan.executionId(),
                now -> DmfJob.recorded(plan, now, now.plus(options.jobTimeout()), options.firstCheckDelay().toSeconds()),
                () -> () -> {
                    d365.dmf().exportToPackage(plan.definitionGroup(), plan.packageName(), plan.executionId(), false,
                            plan.legalEntity());
                    LOG.infof("DMF export %s started: %s from %s", plan.executionId(), plan.definitionGroup(),
                            plan.legalEntity());
                });
    }

    /** What a job needs before its submit call (an import's upload); returns the submit call itself. */
    private interface Preparation {
        Runnable prepare();
    }

    /**
     * The start every job shares: find a known execution, take the project, record the job (insert-if-absent,
     * before anything reaches D365), prepare, submit, and follow it by status checks whatever the submit answered.
     */
    private Optional<DmfJob> begin(String legalEntity, String definitionGroup, String executionId,
            java.util.function.Function<Instant, DmfJob> record, Preparation preparation) {
        Optional<DmfJob> known = jobs.find(legalEntity, executionId);
        if (known.isPresent()) {
            return restart(known.get());
        }
        Instant now = clock.instant();
        if (!lock.tryAcquire(legalEntity, definitionGroup, executionId, now.plus(options.jobTimeout()))) {
            return Optional.empty();
        }
        DmfJob job = record.apply(now);
        if (!jobs.insert(job)) {
            // the reconciler gave this execution up while this starter stalled: submit nothing
            lock.release(legalEntity, definitionGroup, executionId);
            return jobs.find(legalEntity, executionId).map(this::restart).orElseThrow(() ->
                    new DmfImportNotStartedException("Execution " + executionId + " vanished while it was recorded", null));
        }
        Runnable submit;
        try {
            submit = preparation.prepare();
        } catch (RuntimeException notPrepared) {
            forget(job); // nothing was submitted: D365 cannot have this execution
            throw notPrepared;
        }
        String refusal = null;
        try {
            submit.run();
        } catch (RuntimeException noAnswer) {
            refusal = ErrorClassifier.isRetriable(noAnswer) ? null : noAnswer.getMessage();
            LOG.warnf("DMF %s %s: %s (%s); following the execution to learn from D365 what happened",
                    job.kind().name().toLowerCase(java.util.Locale.ROOT), executionId,
                    refusal == null ? "no clear answer" : "refused", noAnswer.getMessage());
        }
        DmfJob submitted = job.submitted(clock.instant(), refusal);
        jobs.save(submitted);
        scheduleCheck(submitted, options.firstCheckDelay());
        return Optional.of(submitted);
    }

    /** A start repeated for a known execution: followed again if it is, refused if it was given up. */
    private Optional<DmfJob> restart(DmfJob known) {
        if (known.isFinished()) {
            throw new DmfImportNotStartedException("Execution " + known.executionId() + " was given up before it was"
                    + " submitted", null);
        }
        scheduleCheck(known, options.firstCheckDelay());
        return Optional.of(known);
    }

    private void forget(DmfJob job) {
        jobs.delete(job.legalEntity(), job.executionId());
        lock.release(job.legalEntity(), job.definitionGroup(), job.executionId());
    }

    private static String kind(DmfJob job) {
        return job.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private boolean exportPackagePending(DmfJob job, DmfExecutionStatus status) {
        return job.kind() == DmfJobKind.EXPORT && producesPackage(status)
                && d365.dmf().getExportedPackageUrl(job.executionId()).isEmpty();
    }

    private static boolean producesPackage(DmfExecutionStatus status) {
        return status == DmfExecutionStatus.SUCCEEDED || status == DmfExecutionStatus.PARTIALLY_SUCCEEDED;
    }

    /**
     * Opens a finished export's package for reading, streamed from a package URL asked for now (the SAS in a URL
     * from an earlier check may have expired) and spooled to a temporary file deleted on close, so its rows are
     * read with bounded memory. A listener may call it again after a crash: the package stays in D365.
     */
    public DataPackageReader openExport(DmfJob job) {
        if (job.kind() != DmfJobKind.EXPORT || !producesPackage(job.lastStatus())) {
            throw new IllegalStateException("DMF job " + job.executionId() + " is no finished export (" + job.kind()
                    + ", " + job.lastStatus() + ")");
        }
        java.net.URI url = d365.dmf().getExportedPackageUrl(job.executionId()).orElseThrow(() ->
                new DmfImportNotStartedException("D365 has no package for export " + job.executionId(), null));
        try (java.io.InputStream in = d365.dmf().download(url, "export package " + job.executionId())) {
            return DataPackageReader.open(in, job.executionId() + ".zip");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Reading export package " + job.executionId() + " failed", e);
        }
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
        Instant now = clock.instant();
        Duration age = Duration.between(job.startedAt(), now);
        // The job is recorded as settled only after its flow has dealt with the outcome: a listener that
        // fails (a fault, a crash) runs again on the redelivered check instead of leaving records behind.
        if (status.isFinished() && exportPackagePending(job, status)) {
            // D365 reports the export done a moment before its package is there: ask again shortly
            DmfJob pending = job.checked(status, options.firstCheckDelay().toSeconds(), now);
            jobs.save(pending);
            scheduleCheck(pending, options.firstCheckDelay());
            return pending;
        }
        if (status.isFinished()) {
            DmfJob finished = job.checked(status, 0, now);
            LOG.infof("DMF %s %s finished: %s after %d checks%s", kind(job), executionId, status, finished.checks(),
                    job.overdue() ? " (" + age.toSeconds() + " s, past its deadline)" : "");
            // D365 is done with the project: free it first, so the next import can be packaged while this
            // outcome is worked through (releasing is idempotent)
            release(job);
            listener(job).onFinished(finished);
            DmfJob settled = finished.markedSettled();
            jobs.save(settled);
            return settled;
        }
        Duration next = status == DmfExecutionStatus.NOT_FOUND ? options.firstCheckDelay() : schedule.nextDelay(age);
        DmfJob pending = job.checked(status, Math.max(1, next.toSeconds()), now);
        if (status == DmfExecutionStatus.NOT_FOUND && neverStarted(pending, now)) {
            LOG.warnf("DMF %s %s is unknown to D365 %d s after it was submitted: it never started (%s); its flow"
                    + " starts it again", kind(job), executionId,
                    Duration.between(submittedOrBudget(pending), now).toSeconds(),
                    pending.refusal() != null ? "D365 refused it: " + pending.refusal()
                            : "its start was lost before D365 created it, or D365 lost the job");
            release(job);
            listener(job).onNeverStarted(pending);
            DmfJob settled = pending.markedSettled();
            jobs.save(settled);
            return settled;
        }
        if (now.isAfter(job.deadline()) && !job.overdue()) {
            // Not cancelled, not failed: D365 may still finish it, and then its rows are imported.
            pending = pending.markedOverdue();
            LOG.warnf("DMF %s %s is still %s at its deadline %s: followed until D365 ends it (cancel it in D365,"
                    + " Data management > Job history, to have it started again)", kind(job), executionId, status,
                    job.deadline());
        }
        keepProject(pending, now);
        jobs.save(pending);
        scheduleCheck(pending, next);
        return pending;
    }

    /**
     * D365 fails a second import of the same entities while one runs, so a job keeps its data project for as
     * long as it is followed: the lock is moved on before it can lapse between two checks. A lock that lapsed
     * anyway (checks held up for longer by an outage) and was taken is reported, not taken back.
     */
    private void keepProject(DmfJob job, Instant now) {
        Instant lapsesAt = job.deadline();
        if (now.plus(options.maxCheckDelay().multipliedBy(3)).isBefore(lapsesAt) && !job.overdue()) {
            return; // the lock taken at the start lasts until the deadline
        }
        if (!lock.extend(job.legalEntity(), job.definitionGroup(), job.executionId(), now.plus(options.jobTimeout()))) {
            LOG.warnf("DMF %s %s: its data project lock was taken by %s while the job still runs in D365", kind(job), job
                    .executionId(), lock.holder(job.legalEntity(), job.definitionGroup()).orElse("nobody"));
        }
    }

    /**
     * D365 has answered "not found" for the whole grace, counted from when the import call came back (for a
     * process that died inside the call, from the latest moment that call could still have reached D365).
     */
    private boolean neverStarted(DmfJob job, Instant now) {
        Instant from = submittedOrBudget(job);
        if (job.notFoundSince() != null && job.notFoundSince().isAfter(from)) {
            from = job.notFoundSince();
        }
        return Duration.between(from, now).compareTo(options.notFoundGrace()) > 0;
    }

    private Instant submittedOrBudget(DmfJob job) {
        return job.submittedAt() != null ? job.submittedAt() : job.startedAt().plus(options.submitBudget());
    }

    /**
     * Hands a settled job to its listener again (the reconciler, for records a crash left behind after
     * the job ended); a job still followed gets a status check now, but only if its checks have stopped
     * (none for three check intervals), so the reconciler never multiplies the chain of checks.
     *
     * @return true when something was done
     */
    public boolean resume(DmfJob job) {
        if (!job.isFinished()) {
            Instant last = job.checkedAt() != null ? job.checkedAt() : job.startedAt();
            Duration quiet = options.maxCheckDelay().multipliedBy(3).plusSeconds(job.nextDelaySeconds());
            if (Duration.between(last, clock.instant()).compareTo(quiet) < 0) {
                return false;
            }
            scheduleCheck(job, Duration.ZERO);
        } else if (job.lastStatus() == DmfExecutionStatus.NOT_FOUND) {
            listener(job).onNeverStarted(job);
        } else {
            listener(job).onFinished(job);
        }
        return true;
    }

    /**
     * Records that an execution without a job record was given up (records claimed for it whose packager
     * died before recording it): true when this record was written, so nothing can submit the execution any
     * more; false when its packager recorded it meanwhile (then it is followed like any other).
     */
    public boolean abandon(String legalEntity, String executionId, String definitionGroup, String purpose,
            String batchId) {
        return jobs.insert(DmfJob.abandoned(legalEntity, executionId, definitionGroup, purpose, batchId,
                clock.instant()));
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
        return listeners.stream().filter(l -> l.handles(job.purpose())).findFirst()
                .orElseThrow(() -> new PoisonMessageException("No flow handles DMF jobs of purpose '" + job.purpose()
                        + "' (job " + job.executionId() + ")"));
    }
}
