package io.github.d365bridge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.testing.StorageRequestCounter;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The open-failure index against a real Azurite: the newest open failures cost one query and one read each,
 * however many replayed failures the retention keeps, and the entry decides over an index row.
 */
class FailureLogTest {

    private final StorageRequestCounter requests = new StorageRequestCounter();
    private final StorageAccount storage = TestAzurite.countedStorage(requests);
    private final String tableName = TestAzurite.uniqueName("Failures");
    private final FailureLog failures = new FailureLog(storage, tableName);
    private final Instant start = Instant.now().minus(Duration.ofDays(1));

    @Test
    void theNewestOpenFailuresCostTheirOwnReadsNotThoseOfTheReplayedOnes() {
        IntStream.range(0, 8).forEach(i -> failures.record(failure("q-a", "open-" + i, i)));
        IntStream.range(0, 5).forEach(i -> replayed("q-b", "few-" + i, 100 + i));
        long few = openCost();

        IntStream.range(0, 200).forEach(i -> replayed("q-b", "many-" + i, 200 + i));
        long many = openCost();

        assertThat(many).as("requests beside 5 or 205 replayed failures").isEqualTo(few).isEqualTo(1 + 3);
        assertThat(failures.open(100)).hasSize(8);
    }

    @Test
    void anIndexRowWhoseEntryWasFinishedOrRecordedAgainIsDropped() {
        failures.record(failure("q", "kept", 1));
        failures.record(failure("q", "again", 2));
        failures.record(failure("q", "again", 3)); // the same poison message recorded again, later
        failures.record(failure("q", "crashed", 4));
        // finished, its index row not yet deleted: what a crash in between leaves
        StateTable table = new StateTable(storage, tableName);
        table.upsert(table.get("q", "crashed").orElseThrow().addProperty("Finished", true));

        assertThat(failures.open(10)).extracting(FailureRecord::poisonMessageId).containsExactly("again", "kept");
        long indexRows = table.query("PartitionKey eq '" + FailureLog.OPEN + "'", 100, null).count();
        assertThat(indexRows).as("the stale rows dropped").isEqualTo(2);

        failures.markFinished("q", "again");
        assertThat(failures.open(10)).extracting(FailureRecord::poisonMessageId).containsExactly("kept");
        assertThat(table.query("PartitionKey eq '" + FailureLog.OPEN + "'", 100, null).map(TableEntity::getRowKey))
                .hasSize(1);
    }

    private long openCost() {
        requests.reset();
        assertThat(failures.open(3)).extracting(FailureRecord::poisonMessageId).containsExactly("open-7", "open-6", "open-5");
        return requests.count();
    }

    private void replayed(String queue, String id, int minute) {
        failures.record(failure(queue, id, minute));
        failures.markFinished(queue, id);
    }

    private FailureRecord failure(String queue, String id, int minute) {
        return new FailureRecord(queue, id, "orig-" + id, "OrderReceived", "corr", "default:" + id, 5,
                "refused: " + id, start.plus(Duration.ofMinutes(minute)));
    }
}
