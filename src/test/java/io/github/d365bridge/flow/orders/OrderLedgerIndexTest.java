package io.github.d365bridge.flow.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.storage.ConcurrentUpdateException;
import io.github.d365bridge.testing.CountingStorage;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The ledger's index rows on a real Azurite: every query answers from the rows of what it asks for, a write
 * from any copy of an order conflicts with a concurrent write from any other, and the cost of a step does
 * not grow with the finished orders the ledger holds.
 */
class OrderLedgerIndexTest {

    private final CountingStorage storage = new CountingStorage(TestAzurite.storage().connectionString());
    private final String tableName = TestAzurite.uniqueName("LedgerIdx");
    private final OrderLedger ledger = new OrderLedger(storage, tableName);

    @Test
    void eachQueryReturnsExactlyTheOrdersInWhatItAsksFor() {
        LedgerEntry usmf = mapped(key("1"), "usmf");
        LedgerEntry usrt = mapped(key("2"), "usrt");
        mapped(new OrderKey("eu_en", "3"), "usmf");
        received(key("4"));

        assertThat(ledger.mappedFor("usmf")).extracting(LedgerEntry::key)
                .containsExactlyInAnyOrder(key("1"), new OrderKey("eu_en", "3"));
        assertThat(ledger.mappedFor("usrt")).extracting(LedgerEntry::key).containsExactly(key("2"));
        assertThat(ledger.inState(OrderState.MAPPED)).hasSize(3);
        assertThat(ledger.inState(OrderState.RECEIVED)).extracting(LedgerEntry::key).containsExactly(key("4"));

        LedgerEntry packaged = ledger.mappedFor("usmf").filter(e -> e.key().equals(usmf.key())).findFirst().orElseThrow();
        ledger.update(packaged.moveTo(OrderState.PACKAGED).withBatch("b1", "e1"));
        ledger.update(ledger.find(usrt.key()).orElseThrow().moveTo(OrderState.PACKAGED).withBatch("b1", "e1"));

        assertThat(ledger.mappedFor("usmf")).extracting(LedgerEntry::key).containsExactly(new OrderKey("eu_en", "3"));
        assertThat(ledger.mappedFor("usrt")).as("its MAPPED row left with the move").isEmpty();
        assertThat(ledger.inBatch("b1")).extracting(LedgerEntry::key).containsExactlyInAnyOrder(key("1"), key("2"));
        assertThat(ledger.inBatch("b1")).allSatisfy(e -> assertThat(e.state()).isEqualTo(OrderState.PACKAGED));
        assertThat(ledger.inBatch("b2")).isEmpty();

        // written back: out of the batch and state rows, counted
        for (OrderKey k : List.of(key("1"), key("2"))) {
            LedgerEntry e = ledger.find(k).orElseThrow();
            ledger.update(e.moveTo(OrderState.IMPORTING));
            ledger.update(ledger.inBatch("b1").filter(x -> x.key().equals(k)).findFirst().orElseThrow()
                    .moveTo(OrderState.IMPORTED).withSalesOrderNumber("SO-" + k.incrementId()));
            ledger.update(ledger.find(k).orElseThrow().moveTo(OrderState.WRITTEN_BACK));
        }
        assertThat(ledger.inBatch("b1")).isEmpty();
        assertThat(ledger.inState(OrderState.WRITTEN_BACK)).extracting(LedgerEntry::salesOrderNumber)
                .containsExactlyInAnyOrder("SO-1", "SO-2");
        assertThat(ledger.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 2L).containsEntry(OrderState.MAPPED, 1L)
                .containsEntry(OrderState.RECEIVED, 1L).containsEntry(OrderState.IMPORTING, 0L);
    }

    @Test
    void writesFromDifferentCopiesOfOneOrderConflict() {
        OrderKey key = key("10");
        mapped(key, "usmf");
        LedgerEntry fromIndex = ledger.mappedFor("usmf").findFirst().orElseThrow();
        LedgerEntry fromRecord = ledger.find(key).orElseThrow();

        ledger.update(fromRecord.moveTo(OrderState.PACKAGED).withBatch("b", "e"));
        assertThatThrownBy(() -> ledger.update(fromIndex.moveTo(OrderState.FAILED).withError("late")))
                .isInstanceOf(ConcurrentUpdateException.class);

        LedgerEntry recordAgain = ledger.find(key).orElseThrow();
        LedgerEntry batchCopy = ledger.inBatch("b").findFirst().orElseThrow();
        ledger.update(batchCopy.moveTo(OrderState.IMPORTING));
        assertThatThrownBy(() -> ledger.update(recordAgain.moveTo(OrderState.MAPPED).withoutBatch()))
                .isInstanceOf(ConcurrentUpdateException.class);

        assertThat(ledger.find(key).orElseThrow().state()).isEqualTo(OrderState.IMPORTING);
        assertThat(ledger.inState(OrderState.IMPORTING)).hasSize(1);
        assertThat(ledger.inState(OrderState.MAPPED)).isEmpty();
        assertThat(ledger.inState(OrderState.FAILED)).isEmpty();
    }

    @Test
    void theReconcilerReadsOnlyStaleOrdersAndTheFailedListNewestFirst() throws InterruptedException {
        received(key("20"));
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        received(key("21"));
        assertThat(ledger.inStateSince(OrderState.RECEIVED, between)).extracting(LedgerEntry::key)
                .containsExactly(key("20"));

        for (int i = 30; i < 35; i++) {
            received(key(String.valueOf(i)));
            ledger.update(ledger.find(key(String.valueOf(i))).orElseThrow().moveTo(OrderState.FAILED).withError("e" + i));
            Thread.sleep(5);
        }
        assertThat(ledger.recentlyFailed(3)).extracting(LedgerEntry::lastError).containsExactly("e34", "e33", "e32");
        assertThat(ledger.countsByState()).containsEntry(OrderState.FAILED, 5L);
    }

    @Test
    void writtenBackOrdersAreArchivedAndCountedOnceAndGoAfterRetention() {
        Instant now = Instant.now();
        LedgerHistory.writtenBack(storage, tableName, "default", "usmf", 300, now.minus(Duration.ofDays(100)),
                now.minus(Duration.ofDays(70)), 2);
        received(key("40"));
        ledger.update(ledger.find(key("40")).orElseThrow().moveTo(OrderState.FAILED).withError("old"));

        // retention reads the archive only: an order not yet archived is not yet counted in the totals
        assertThat(ledger.deleteFinished(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1)), 1000))
                .as("nothing archived yet, failed too young").isZero();
        assertThat(ledger.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 300L);

        assertThat(ledger.rollUp(now.minus(Duration.ofHours(1)))).isEqualTo(300);
        assertThat(ledger.rollUp(now.minus(Duration.ofHours(1)))).as("moved once").isZero();
        assertThat(ledgerRows("w|")).as("written-back rows left in the ledger table").isZero();
        // the failed order (by webhook) is counted from its own row
        assertThat(ledger.counts().bySource()).containsEntry("webhook", 271L).containsEntry("poll", 30L);
        assertThat(ledger.find(new OrderKey("default", "H000000001"))).get().extracting(LedgerEntry::state)
                .isEqualTo(OrderState.WRITTEN_BACK);

        int expired = 100; // one every 0.1 day from day -100: the first hundred are older than 90 days
        assertThat(ledger.deleteFinished(now.minus(Duration.ofDays(90)), now.plus(Duration.ofDays(1)), 1000))
                .isEqualTo(expired + 1);
        assertThat(ledger.find(new OrderKey("default", "H000000001"))).isEmpty();
        assertThat(ledger.find(new OrderKey("default", "H000000101"))).isPresent();
        assertThat(ledger.find(key("40"))).isEmpty();
        assertThat(ledger.inState(OrderState.WRITTEN_BACK)).hasSize(200);
        assertThat(ledger.countsByState()).as("the totals keep what retention deleted")
                .containsEntry(OrderState.WRITTEN_BACK, 300L).containsEntry(OrderState.FAILED, 0L);
        assertThat(ledger.insertReceived(key("40"), 40L, "again", "poll")).as("a deleted order can be seen anew")
                .isTrue();
    }

    @Test
    void anArchivedOrderSignalledAgainIsADuplicateAndLeavesNoRowBehind() {
        Instant now = Instant.now();
        LedgerHistory.archived(storage, tableName, "default", "usmf", 20, now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(1)), 2);
        OrderKey old = new OrderKey("default", "H000000007");
        assertThat(ledger.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 20L);

        assertThat(ledger.insertReceived(old, 7L, "again", "webhook")).as("the ledger table no longer has it").isTrue();
        LedgerEntry recordedAgain = ledger.find(old).orElseThrow();
        assertThat(recordedAgain.state()).isEqualTo(OrderState.RECEIVED);
        assertThat(ledger.finishedBefore(recordedAgain)).get().extracting(LedgerEntry::state, LedgerEntry::salesOrderNumber)
                .containsExactly(OrderState.WRITTEN_BACK, "SO-H7");

        assertThat(ledger.find(old)).get().extracting(LedgerEntry::state).isEqualTo(OrderState.WRITTEN_BACK);
        assertThat(ledger.countsByState()).as("counted once, nothing received").containsEntry(OrderState.WRITTEN_BACK, 20L)
                .containsEntry(OrderState.RECEIVED, 0L);
        assertThat(ledger.finishedBefore(received(key("new")))).as("an order never seen").isEmpty();
        assertThat(ledger.find(key("new"))).get().extracting(LedgerEntry::state).isEqualTo(OrderState.RECEIVED);
    }

    @Test
    void aRollUpThatDiedAfterArchivingMovesAndCountsEachOrderOnce() {
        Instant now = Instant.now();
        LedgerHistory.writtenBack(storage, tableName, "default", "usmf", 120, now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)), 2);
        LedgerHistory.copiedToArchive(storage, tableName, "default", "usmf", 120, now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)), 2);
        assertThat(ledger.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 120L);

        assertThat(ledger.rollUp(now.minus(Duration.ofHours(1)))).isEqualTo(120);
        assertThat(ledger.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 120L);
        assertThat(ledger.inState(OrderState.WRITTEN_BACK)).hasSize(120);
        assertThat(ledgerRows("w|")).isZero();
    }

    @Test
    void twoRollUpsAtOnceMoveEveryOrderOnce() throws Exception {
        Instant now = Instant.now();
        LedgerHistory.writtenBack(storage, tableName, "default", "usmf", 400, now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)), 2);
        OrderLedger other = new OrderLedger(storage, tableName);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> ledger.rollUp(now));
            var b = pool.submit(() -> other.rollUp(now));
            long moved = a.get() + b.get();
            // a loser stops at its partition, so what is left there waits for the next tick's roll-up
            moved += ledger.rollUp(now);
            assertThat(moved).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 400L);
        assertThat(ledger.inState(OrderState.WRITTEN_BACK)).hasSize(400);
        assertThat(ledgerRows("w|")).isZero();
    }

    /** Rows of the ledger table (not its archive) starting with {@code prefix}, in every partition. */
    private long ledgerRows(String prefix) {
        var table = new io.github.d365bridge.storage.StateTable(storage, tableName);
        try (var rows = table.query("RowKey ge '" + prefix + "' and RowKey lt '" + prefix.charAt(0) + "}'", 1000,
                List.of("RowKey"))) {
            return rows.count();
        }
    }

    @Test
    void theRetentionSweepCostsWhatExpiresNotWhatIsKept() {
        Instant now = Instant.now();
        long fewKept = sweepCost(now, 200);
        long manyKept = sweepCost(now, 2000);
        assertThat(manyKept).as("requests of a sweep deleting 100 orders, beside 200 or 2,000 kept ones")
                .isEqualTo(fewKept);
    }

    /** Requests of one sweep over a fresh ledger holding 100 expired written-back orders and {@code kept} others. */
    private long sweepCost(Instant now, int kept) {
        String table = TestAzurite.uniqueName("LedgerSweep");
        OrderLedger fresh = new OrderLedger(storage, table);
        LedgerHistory.writtenBack(storage, table, "default", "usmf", 100, now.minus(Duration.ofDays(120)),
                now.minus(Duration.ofDays(100)), 2);
        LedgerHistory.writtenBackFrom(storage, table, "default", "usmf", 1000, kept, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), 2);
        fresh.rollUp(now.minus(Duration.ofHours(1)));
        long[] deleted = {0};
        long requests = storage.requestsOf(() -> deleted[0] = fresh.deleteFinished(now.minus(Duration.ofDays(90)),
                now.minus(Duration.ofDays(180)), 1000));
        assertThat(deleted[0]).isEqualTo(100);
        assertThat(fresh.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 100L + kept);
        return requests;
    }

    @Test
    void theStepsCostTheSameWithThousandsOfFinishedOrdersInTheLedger() {
        received(key("50"));
        mapped(key("51"), "usmf");
        long[] empty = costs();

        Instant now = Instant.now();
        LedgerHistory.writtenBack(storage, tableName, "default", "usmf", 3000, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), 2);
        ledger.rollUp(now.minus(Duration.ofHours(1)));
        long[] loaded = costs();

        assertThat(loaded).as("requests of mappedFor, inBatch, inStateSince, counts, recentlyFailed").containsExactly(empty);
        assertThat(ledger.countsByState()).containsEntry(OrderState.WRITTEN_BACK, 3000L);
    }

    private long[] costs() {
        return new long[] {
            storage.requestsOf(() -> ledger.mappedFor("usmf").toList()),
            storage.requestsOf(() -> ledger.inBatch("nope").toList()),
            storage.requestsOf(() -> ledger.inStateSince(OrderState.RECEIVED, Instant.now()).toList()),
            storage.requestsOf(ledger::counts),
            storage.requestsOf(() -> ledger.recentlyFailed(50)),
        };
    }

    private static OrderKey key(String increment) {
        return new OrderKey("default", increment);
    }

    private LedgerEntry received(OrderKey key) {
        ledger.insertReceived(key, 1L, "c", "webhook");
        return ledger.find(key).orElseThrow();
    }

    private LedgerEntry mapped(OrderKey key, String legalEntity) {
        LedgerEntry next = received(key).moveTo(OrderState.MAPPED).withLegalEntity(legalEntity);
        ledger.update(next);
        return ledger.find(key).orElseThrow();
    }
}
