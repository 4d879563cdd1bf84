package io.github.d365bridge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.azure.data.tables.models.TableEntity;

import io.github.d365bridge.testing.TestAzurite;

/** Conditional table writes, lease locks and claim-check storage against a real Azurite. */
class StorageBuildingBlocksTest {

    private final StorageAccount storage = TestAzurite.storage();

    @Test
    void insertIfAbsentLetsExactlyOneWriterWin() {
        StateTable table = new StateTable(storage, TestAzurite.uniqueName("Ledger"));
        TableEntity first = new TableEntity("default", "000000042").addProperty("State", "received");

        assertThat(table.insertIfAbsent(first)).isTrue();
        assertThat(table.insertIfAbsent(new TableEntity("default", "000000042").addProperty("State", "other")))
                .isFalse();
        assertThat(table.get("default", "000000042")).get().extracting(e -> e.getProperty("State"))
                .isEqualTo("received");
    }

    @Test
    void replaceIfUnchangedRefusesAStaleRead() {
        StateTable table = new StateTable(storage, TestAzurite.uniqueName("Ledger"));
        table.insertIfAbsent(new TableEntity("usmf", "k").addProperty("State", "received"));
        TableEntity readByA = table.get("usmf", "k").orElseThrow();
        TableEntity readByB = table.get("usmf", "k").orElseThrow();

        readByA.addProperty("State", "packaged");
        table.replaceIfUnchanged(readByA);
        readByB.addProperty("State", "failed");

        assertThatThrownBy(() -> table.replaceIfUnchanged(readByB)).isInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining("(usmf,k)");
        assertThat(table.get("usmf", "k").orElseThrow().getProperty("State")).isEqualTo("packaged");
        assertThat(table.get("usmf", "missing")).isEmpty();
    }

    @Test
    void leaseLockIsExclusiveUntilReleased() {
        BlobLeaseLocks locks = new BlobLeaseLocks(storage, TestAzurite.uniqueName("locks"));

        Optional<BlobLeaseLocks.Lease> first = locks.tryAcquire("dmf-import-usmf-SalesOrderHeadersV2", Duration.ofSeconds(15));
        assertThat(first).isPresent();
        assertThat(locks.tryAcquire("dmf-import-usmf-SalesOrderHeadersV2", Duration.ofSeconds(15))).isEmpty();
        assertThat(locks.tryAcquire("dmf-import-usmf-SalesOrderLinesV3", Duration.ofSeconds(15))).isPresent();
        first.get().renew();
        first.get().close();

        assertThat(locks.tryAcquire("dmf-import-usmf-SalesOrderHeadersV2", Duration.ofSeconds(15))).isPresent();
        assertThatThrownBy(() -> locks.tryAcquire("x", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimCheckRoundTripsAndIsMissingOnceDeleted() {
        ClaimCheckStore store = new ClaimCheckStore(storage, TestAzurite.uniqueName("claims"));
        byte[] body = "{\"big\":\"payload\"}".getBytes();
        String name = store.put("msg-1", body);

        assertThat(store.get(name)).isEqualTo(body);
        assertThat(store.deleteWrittenBefore(Instant.now(), 10)).isZero(); // written today: kept
        assertThat(store.deleteWrittenBefore(Instant.now().plus(Duration.ofDays(1)), 10)).isEqualTo(1);
        assertThatThrownBy(() -> store.get(name)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("does not exist");
    }
}
