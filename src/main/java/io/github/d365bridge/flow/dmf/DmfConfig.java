package io.github.d365bridge.flow.dmf;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** DMF job supervision, shared by every flow that imports into or exports from D365. */
@ConfigMapping(prefix = "bridge.dmf")
public interface DmfConfig {

    /** First status check after a job starts; later checks follow {@link DmfCheckSchedule} up to the cap. */
    @WithDefault("PT5S")
    Duration firstCheckDelay();

    @WithDefault("PT60S")
    Duration maxCheckDelay();

    /**
     * A job not finished after this is overdue: logged and shown, but followed until D365 ends it (a late
     * import still imports its records, a late export still delivers its package, so neither is repeated).
     */
    @WithDefault("PT30M")
    Duration jobTimeout();

    /**
     * How long D365 may answer "not found" for a job the bridge submitted before it counts as never started
     * (its start was lost before D365 created it): its flow then starts it again at once, instead of holding
     * the data project until the deadline.
     */
    @WithDefault("PT2M")
    Duration notFoundGrace();

    /** Table of the DMF job records. */
    @WithDefault("BridgeDmfJobs")
    String jobsTable();

    /** Table of the data project locks (one running job per project and company). */
    @WithDefault("BridgeDmfLocks")
    String locksTable();

    /** The supervision options, with {@code submitBudget}: how long one submit call may take with its retries. */
    default DmfSupervisionOptions options(Duration submitBudget) {
        return new DmfSupervisionOptions(firstCheckDelay(), maxCheckDelay(), jobTimeout(), notFoundGrace(), submitBudget);
    }
}
