package io.github.d365bridge.client.d365.dmf;

import java.util.Arrays;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/** What {@code GetExecutionSummaryStatus} answers, plus {@link #NOT_FOUND} for an id D365 does not know (yet). */
public enum DmfExecutionStatus {
    UNKNOWN("Unknown"),
    NOT_RUN("NotRun"),
    EXECUTING("Executing"),
    SUCCEEDED("Succeeded"),
    PARTIALLY_SUCCEEDED("PartiallySucceeded"),
    FAILED("Failed"),
    CANCELED("Canceled"),
    /** D365 answered 400 "…were not found": a just-created id may do this briefly; callers apply a deadline. */
    NOT_FOUND("");

    private final String wire;

    DmfExecutionStatus(String wire) {
        this.wire = wire;
    }

    /** True when D365 will not change the status any more. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == PARTIALLY_SUCCEEDED || this == FAILED || this == CANCELED;
    }

    static DmfExecutionStatus parse(String value, String executionId) {
        return Arrays.stream(values()).filter(s -> !s.wire.isEmpty() && s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new PermanentFailureException(ExternalSystem.D365, "GetExecutionSummaryStatus of"
                        + " execution '" + executionId + "' answered an unknown status '" + value + "'"));
    }
}
