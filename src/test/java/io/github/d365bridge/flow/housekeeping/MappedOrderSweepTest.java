package io.github.d365bridge.flow.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;
import io.github.d365bridge.flow.orders.mapping.MappedOrder;
import io.github.d365bridge.flow.orders.mapping.SalesOrderFields;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.StorageRequestCounter;
import io.github.d365bridge.testing.TestAzurite;

/**
 * Mapped-order retention against a real Azurite: rows written longer ago than the retention go unless the
 * ledger says their order is still on its way; the sweep finds them by their tag, so its requests follow
 * the expired blobs and not the container's size.
 */
class MappedOrderSweepTest {

    private static final Duration RETENTION = Duration.ofDays(14);

    private final StorageRequestCounter requests = new StorageRequestCounter();
    private final StorageAccount storage = TestAzurite.countedStorage(requests);
    private final String container = TestAzurite.uniqueName("mapped");
    private final OrderLedger ledger = new OrderLedger(storage, TestAzurite.uniqueName("Ledger"));
    private final MappedOrderStore written20DaysAgo = new MappedOrderStore(storage, container,
            Clock.offset(Clock.systemUTC(), Duration.ofDays(-20)));
    private final MappedOrderStore store = new MappedOrderStore(storage, container);
    private final MappedOrderSweep sweep = new MappedOrderSweep(store, ledger, RETENTION, Clock.systemUTC());

    @Test
    void expiredRowsOfFinishedOrUnknownOrdersGoWhileOrdersOnTheirWayKeepThem() {
        OrderKey writtenBack = order(written20DaysAgo, "1", OrderState.MAPPED, OrderState.PACKAGED,
                OrderState.IMPORTING, OrderState.IMPORTED, OrderState.WRITTEN_BACK);
        OrderKey failed = order(written20DaysAgo, "2", OrderState.FAILED);
        OrderKey unknownToTheLedger = new OrderKey("default", "3");
        written20DaysAgo.put(rows(unknownToTheLedger));
        OrderKey stillImporting = order(written20DaysAgo, "4", OrderState.MAPPED, OrderState.PACKAGED,
                OrderState.IMPORTING);
        OrderKey stillMapped = order(written20DaysAgo, "5", OrderState.MAPPED);
        OrderKey recentlyImported = order(store, "6", OrderState.MAPPED, OrderState.PACKAGED, OrderState.IMPORTING,
                OrderState.IMPORTED);
        IntStream.range(100, 180).forEach(i -> store.put(rows(new OrderKey("default", "" + i))));
        requests.reset();

        assertThat(sweep.sweep(500)).isEqualTo(5);
        List<String> made = requests.requests();

        assertThat(store.find(writtenBack)).isEmpty();
        assertThat(store.find(failed)).isEmpty();
        assertThat(store.find(unknownToTheLedger)).isEmpty();
        assertThat(store.find(stillImporting)).isPresent();
        assertThat(store.find(stillMapped)).isPresent();
        assertThat(store.find(recentlyImported)).isPresent();
        assertThat(store.find(new OrderKey("default", "150"))).isPresent();
        // one tag query, one ledger read per expired blob, then a delete or a new tag: 80 kept blobs cost nothing
        assertThat(made).hasSize(1 + 5 + 5);
        assertThat(made).filteredOn(r -> r.contains("comp=blobs")).hasSize(1);
        assertThat(made).filteredOn(r -> r.startsWith("GET ") && !r.contains("comp=blobs")).hasSize(5);
        assertThat(made).filteredOn(r -> r.startsWith("DELETE ")).hasSize(3);
        assertThat(made).filteredOn(r -> r.startsWith("PUT ") && r.contains("comp=tags")).hasSize(2);

        // the kept ones were tagged anew: not looked at again before another retention has passed
        assertThat(sweep.sweep(500)).isZero();
        MappedOrderSweep aRetentionLater = new MappedOrderSweep(store, ledger, RETENTION,
                Clock.offset(Clock.systemUTC(), RETENTION.plusDays(1)));
        assertThat(aRetentionLater.sweep(500)).isEqualTo(2 + 81);
        assertThat(store.find(stillImporting)).isPresent();
        assertThat(store.find(recentlyImported)).isEmpty();
    }

    @Test
    void rowsMappedAgainAfterTheSweepFoundThemAreNotDeleted() {
        OrderKey replayed = order(written20DaysAgo, "7", OrderState.FAILED);
        LocalDate firstKeptDay = LocalDate.ofInstant(Instant.now().minus(RETENTION), ZoneOffset.UTC);
        assertThat(store.writtenBefore(firstKeptDay, 10)).containsExactly(replayed);

        store.put(rows(replayed)); // an operator replayed it and the intake mapped it again meanwhile

        assertThat(store.deleteIfWrittenBefore(replayed, firstKeptDay)).isFalse();
        assertThat(store.find(replayed)).isPresent();
        assertThat(store.writtenBefore(firstKeptDay, 10)).isEmpty();
    }

    @Test
    void aFullBatchSaysSoAndTheRestWaitsForTheNextMessage() {
        IntStream.range(0, 5).forEach(i -> written20DaysAgo.put(rows(new OrderKey("default", "old-" + i))));

        assertThat(sweep.sweep(3)).isEqualTo(3);
        assertThat(sweep.sweep(3)).isEqualTo(2);
        assertThat(sweep.sweep(3)).isZero();
    }

    /** An order whose rows {@code writer} wrote, moved through {@code states} in the ledger. */
    private OrderKey order(MappedOrderStore writer, String incrementId, OrderState... states) {
        OrderKey key = new OrderKey("default", incrementId);
        ledger.insertReceived(key, 1L, "corr-" + incrementId, "webhook");
        for (OrderState state : states) {
            LedgerEntry entry = ledger.find(key).orElseThrow();
            ledger.update(entry.moveTo(state));
        }
        writer.put(rows(key));
        return key;
    }

    private static MappedOrder rows(OrderKey key) {
        return new MappedOrder(key, "usmf", Map.of(SalesOrderFields.SALES_ORDER_NUMBER, "P-" + key.incrementId()),
                List.of(Map.of(SalesOrderFields.SALES_ORDER_NUMBER, "P-" + key.incrementId(), SalesOrderFields.ITEM,
                        "1000")));
    }
}
