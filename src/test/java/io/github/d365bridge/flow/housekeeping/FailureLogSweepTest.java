package io.github.d365bridge.flow.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.azure.core.util.BinaryData;

import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.FailureLog;
import io.github.d365bridge.storage.FailureRecord;
import io.github.d365bridge.storage.HeldPayload;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.StorageRequestCounter;
import io.github.d365bridge.testing.TestAzurite;

/**
 * Failure-entry retention against a real Azurite: replayed entries go a retention after they were finished,
 * with the bodies held for them, found through the finished-day index; open entries stay and cost nothing.
 */
class FailureLogSweepTest {

    private static final Duration RETENTION = Duration.ofDays(30);

    private final StorageRequestCounter requests = new StorageRequestCounter();
    private final StorageAccount storage = TestAzurite.countedStorage(requests);
    private final FailureLog failures = new FailureLog(storage, TestAzurite.uniqueName("Failures"));
    private final String claimContainer = TestAzurite.uniqueName("claims");
    private final ClaimCheckStore claimChecks = new ClaimCheckStore(storage, claimContainer);

    @Test
    void replayedEntriesGoARetentionLaterWithTheirHeldBodiesWhileOpenOnesStay() {
        storage.container(claimContainer).getBlobClient("2020/01/01/big.json").upload(BinaryData.fromString("{}"));
        HeldPayload held = claimChecks.hold("2020/01/01/big.json").orElseThrow();
        assertThat(claimChecks.deleteWrittenBefore(Instant.now(), 10)).isEqualTo(1); // the original's day expired
        failures.record(failure("replayed-with-body"), Optional.of(held));
        failures.record(failure("replayed"));
        failures.record(failure("still-open"));
        IntStream.range(0, 40).forEach(i -> failures.record(failure("open-" + i)));
        failures.markFinished("orders", "replayed-with-body");
        failures.markFinished("orders", "replayed");

        FailureLogSweep today = new FailureLogSweep(failures, claimChecks, RETENTION, Clock.systemUTC());
        assertThat(today.sweep(500)).isZero();

        FailureLogSweep aRetentionLater = new FailureLogSweep(failures, claimChecks, RETENTION,
                Clock.offset(Clock.systemUTC(), RETENTION.plusDays(1)));
        requests.reset();
        assertThat(aRetentionLater.sweep(500)).isEqualTo(2);
        List<String> made = requests.requests();

        // one index query, the held body's delete, then entry and index row per expired entry: the 41 open
        // entries are never read
        assertThat(made).hasSize(1 + 1 + 2 * 2);
        assertThat(claimChecks.hold("2020/01/01/big.json")).isEmpty(); // the body went with its entry
        assertThat(failures.open(500)).extracting(FailureRecord::poisonMessageId).hasSize(41)
                .contains("still-open").doesNotContain("replayed", "replayed-with-body");
        assertThat(aRetentionLater.sweep(500)).isZero();
    }

    private static FailureRecord failure(String poisonId) {
        return new FailureRecord("orders", poisonId, "original-" + poisonId, "order.received", "corr", "default:1", 1,
                "PermanentFailureException: test", Instant.now());
    }
}
