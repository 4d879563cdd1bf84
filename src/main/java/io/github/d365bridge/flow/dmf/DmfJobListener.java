package io.github.d365bridge.flow.dmf;

/** Receives the end of the DMF jobs of one flow (by {@link #purpose()}). Must be idempotent: checks may repeat. */
public interface DmfJobListener {

    String purpose();

    /** D365 finished the job: Succeeded, PartiallySucceeded, Failed or Canceled ({@link DmfJob#lastStatus()}). */
    void onFinished(DmfJob job);

    /** The job was not finished by its deadline (stuck in Executing, or never found). */
    void onDeadlinePassed(DmfJob job);
}
