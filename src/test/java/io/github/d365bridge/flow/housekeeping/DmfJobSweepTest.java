package io.github.d365bridge.flow.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.flow.dmf.DmfImportLock;
import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.dmf.DmfJobStore;
import io.github.d365bridge.flow.dmf.ImportPlan;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.StorageRequestCounter;
import io.github.d365bridge.testing.TestAzurite;

/**
 * DMF job retention against a real Azurite: settled records go a retention after they settled, found through
 * the settled-day index so the sweep's requests follow what expires; jobs still followed stay.
 */
class DmfJobSweepTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant LONG_AGO = Instant.now().minus(Duration.ofDays(40));

    private final StorageRequestCounter requests = new StorageRequestCounter();
    private final StorageAccount storage = TestAzurite.countedStorage(requests);
    private final DmfJobStore jobs = new DmfJobStore(storage, TestAzurite.uniqueName("Jobs"));
    private final DmfImportLock locks = new DmfImportLock(storage, TestAzurite.uniqueName("Locks"));
    private final DmfJobSweep sweep = new DmfJobSweep(jobs, locks, RETENTION, Clock.systemUTC());

    @Test
    void settledRecordsGoAfterTheRetentionWhileFollowedOnesStay() {
        DmfJob settledLongAgo = settled("old", LONG_AGO);
        DmfJob abandonedLongAgo = DmfJob.abandoned("usmf", "bridge-orders-gone-1", "SalesOrderImport", "orders", "gone",
                LONG_AGO);
        jobs.insert(abandonedLongAgo);
        DmfJob stillFollowed = recorded("running", LONG_AGO); // started long ago, D365 still runs it
        jobs.insert(stillFollowed);
        DmfJob settledButLockNamesIt = settled("lock", LONG_AGO);
        assertThat(locks.tryAcquire("usmf", "SalesOrderImport", settledButLockNamesIt.executionId(),
                Instant.now().plusSeconds(600))).isTrue();
        DmfJob settleCrashed = recorded("crashed", LONG_AGO);
        jobs.save(settleCrashed.checked(DmfExecutionStatus.SUCCEEDED, 0, LONG_AGO).markedSettled());
        jobs.save(settleCrashed); // as if the settle were indexed but never saved
        DmfJob settledRecently = settled("recent", Instant.now().minus(Duration.ofDays(2)));
        IntStream.range(0, 60).forEach(i -> settled("kept-" + i, Instant.now()));
        requests.reset();

        assertThat(sweep.sweep(500)).isEqualTo(4);
        List<String> made = requests.requests();

        assertThat(find(settledLongAgo)).isFalse();
        assertThat(find(abandonedLongAgo)).isFalse();
        assertThat(find(stillFollowed)).isTrue();
        assertThat(find(settledButLockNamesIt)).isTrue();
        assertThat(find(settleCrashed)).isTrue();
        assertThat(find(settledRecently)).isTrue();
        // one index query; a record read per expired index row; one lock read for the one data project; then
        // record and index deletes, a move of the kept one's index row, the drop of the crashed settle's: the
        // 60 recently settled jobs cost nothing
        assertThat(made).hasSize(1 + 4 + 1 + 2 + 2 + 2 + 1);

        assertThat(sweep.sweep(500)).isZero();
        locks.release("usmf", "SalesOrderImport", settledButLockNamesIt.executionId());
        DmfJobSweep aRetentionLater = new DmfJobSweep(jobs, locks, RETENTION,
                Clock.offset(Clock.systemUTC(), RETENTION.plusDays(1)));
        assertThat(aRetentionLater.sweep(500)).isEqualTo(1 + 1 + 60);
        assertThat(find(settledButLockNamesIt)).isFalse();
        assertThat(find(settledRecently)).isFalse();
        assertThat(find(stillFollowed)).isTrue();
        assertThat(jobs.inFlight().map(DmfJob::executionId)).containsExactlyInAnyOrder(stillFollowed.executionId(),
                settleCrashed.executionId());
    }

    @Test
    void aFullBatchSaysSoAndTheRestWaitsForTheNextMessage() {
        IntStream.range(0, 5).forEach(i -> settled("batch-" + i, LONG_AGO));

        assertThat(sweep.sweep(3)).isEqualTo(3);
        assertThat(sweep.sweep(3)).isEqualTo(2);
        assertThat(sweep.sweep(3)).isZero();
    }

    private boolean find(DmfJob job) {
        return jobs.find(job.legalEntity(), job.executionId()).isPresent();
    }

    private DmfJob settled(String batch, Instant at) {
        DmfJob job = recorded(batch, at).checked(DmfExecutionStatus.SUCCEEDED, 0, at).markedSettled();
        jobs.insert(job);
        return job;
    }

    private static DmfJob recorded(String batch, Instant at) {
        ImportPlan plan = new ImportPlan("orders", batch, 1, "usmf", "SalesOrderImport", List.of("Sales order headers V2"),
                null);
        return DmfJob.recorded(plan, at, at.plus(Duration.ofMinutes(30)), 5);
    }
}
