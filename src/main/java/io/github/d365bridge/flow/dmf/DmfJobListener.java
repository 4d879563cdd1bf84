package io.github.d365bridge.flow.dmf;

/**
 * Receives the end of the DMF jobs of one flow (by {@link #purpose()}). Must be idempotent: a check
 * redelivered after a crash, or the order reconciler, calls it again for the same job.
 */
public interface DmfJobListener {

    String purpose();

    /** True for the jobs this listener receives: those of its {@link #purpose()}, or a family of purposes. */
    default boolean handles(String jobPurpose) {
        return purpose().equals(jobPurpose);
    }

    /** D365 finished the job: Succeeded, PartiallySucceeded, Failed or Canceled ({@link DmfJob#lastStatus()}). */
    void onFinished(DmfJob job);

    /**
     * D365 does not know the execution, long after the bridge submitted it: the import never started (its
     * start was refused or lost before D365 created the job, or D365 lost it). Nothing of it will arrive
     * later; the flow asks D365 which records it has anyway and sends the rest again, without holding it
     * against them.
     */
    void onNeverStarted(DmfJob job);
}
