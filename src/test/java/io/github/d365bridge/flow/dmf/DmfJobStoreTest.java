package io.github.d365bridge.flow.dmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.storage.StateTable;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.StorageRequestCounter;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The in-flight index of DMF jobs against a real Azurite: the status view's list of jobs still followed costs
 * one query and one read per such job, however many settled jobs the retention keeps, and the job record
 * decides over a row a crash left behind.
 */
class DmfJobStoreTest {

    private final StorageRequestCounter requests = new StorageRequestCounter();
    private final StorageAccount storage = TestAzurite.countedStorage(requests);
    private final String tableName = TestAzurite.uniqueName("Jobs");
    private final DmfJobStore jobs = new DmfJobStore(storage, tableName);

    @Test
    void jobsInFlightCostTheirOwnReadsNotThoseOfTheSettledOnes() {
        DmfJob running = recorded("running");
        jobs.insert(running);
        DmfJob checked = recorded("checked");
        jobs.insert(checked);
        jobs.save(checked.checked(DmfExecutionStatus.EXECUTING, 5, Instant.now()));
        IntStream.range(0, 3).forEach(i -> settle(recorded("few-" + i)));
        long few = inFlightCost(running, checked);

        IntStream.range(0, 300).forEach(i -> settle(recorded("many-" + i)));
        long many = inFlightCost(running, checked);

        assertThat(many).as("requests beside 3 or 303 settled jobs").isEqualTo(few).isEqualTo(1 + 2);
    }

    @Test
    void aRowLeftByACrashBeforeItsDeleteIsDroppedAndTheRecordDecides() {
        DmfJob settledButListed = recorded("crashed");
        jobs.insert(settledButListed);
        // the settled record written, its in-flight row not yet deleted: what a crash in between leaves
        DmfJob settledRecord = settledButListed.checked(DmfExecutionStatus.SUCCEEDED, 0, Instant.now()).markedSettled();
        new StateTable(storage, tableName).upsert(entityOf(settledRecord));
        DmfJob running = recorded("running");
        jobs.insert(running);

        assertThat(jobs.inFlight().map(DmfJob::executionId)).containsExactly(running.executionId());
        requests.reset();
        assertThat(jobs.inFlight().map(DmfJob::executionId)).containsExactly(running.executionId());
        assertThat(requests.count()).as("the dropped row is read no more").isEqualTo(1 + 1);
    }

    @Test
    void aJobRecordedWithoutItsRowIsListedAgainFromItsNextCheck() {
        DmfJob old = recorded("old");
        new StateTable(storage, tableName).upsert(entityOf(old)); // as a build before the index wrote it
        assertThat(jobs.inFlight()).isEmpty();

        jobs.save(old.checked(DmfExecutionStatus.EXECUTING, 5, Instant.now()));
        assertThat(jobs.inFlight().map(DmfJob::executionId)).containsExactly(old.executionId());
        jobs.delete(old.legalEntity(), old.executionId());
        assertThat(jobs.inFlight()).isEmpty();
    }

    private long inFlightCost(DmfJob... expected) {
        requests.reset();
        assertThat(jobs.inFlight().map(DmfJob::executionId))
                .containsExactlyInAnyOrder(List.of(expected).stream().map(DmfJob::executionId).toArray(String[]::new));
        return requests.count();
    }

    private void settle(DmfJob job) {
        jobs.insert(job);
        jobs.save(job.checked(DmfExecutionStatus.SUCCEEDED, 0, Instant.now()).markedSettled());
    }

    /** The job's record as the store writes it, written here without the store's index rows. */
    private com.azure.data.tables.models.TableEntity entityOf(DmfJob job) {
        String other = TestAzurite.uniqueName("Scratch");
        DmfJobStore scratch = new DmfJobStore(storage, other);
        scratch.save(job);
        return new StateTable(storage, other).get(job.legalEntity(), job.executionId()).orElseThrow();
    }

    private static DmfJob recorded(String batch) {
        ImportPlan plan = new ImportPlan("orders", batch, 1, "usmf", "SalesOrderImport", List.of("Sales order headers V2"),
                null);
        Instant at = Instant.now();
        return DmfJob.recorded(plan, at, at.plus(Duration.ofMinutes(30)), 5);
    }
}
