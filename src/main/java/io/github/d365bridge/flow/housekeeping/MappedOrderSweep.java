package io.github.d365bridge.flow.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;

/**
 * Mapped-order blobs go the retention period after they were written, unless the order still needs them.
 * The ledger decides, one point read per expired blob: an order that is received (its old rows may still be
 * the ones the batcher finds), mapped, packaged or importing (the outcome matches D365's error records to
 * orders through them) keeps its rows, tagged anew so they are looked at again a retention later. An order
 * that is in D365, failed (a replay maps it again) or unknown to the ledger does not need them.
 */
@ApplicationScoped
public class MappedOrderSweep implements SweepTarget {

    /** States in which an order may still read its mapped rows. */
    static final Set<OrderState> ON_ITS_WAY = EnumSet.of(OrderState.RECEIVED, OrderState.MAPPED, OrderState.PACKAGED,
            OrderState.IMPORTING);
    private static final Logger LOG = Logger.getLogger(MappedOrderSweep.class);

    private final MappedOrderStore store;
    private final OrderLedger ledger;
    private final Duration retention;
    private final Clock clock;

    @Inject
    public MappedOrderSweep(MappedOrderStore store, OrderLedger ledger, HousekeepingConfig config) {
        this(store, ledger, config.mappedOrderRetention(), Clock.systemUTC());
    }

    public MappedOrderSweep(MappedOrderStore store, OrderLedger ledger, Duration retention, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "mapped-orders";
    }

    @Override
    public int sweep(int limit) {
        // by whole days: a blob is kept at least the retention, at most a day longer
        LocalDate firstKeptDay = LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        List<OrderKey> expired = store.writtenBefore(firstKeptDay, limit);
        int kept = 0;
        for (OrderKey key : expired) {
            boolean stillNeeded = ledger.findUnarchived(key).map(entry -> ON_ITS_WAY.contains(entry.state())).orElse(false);
            if (stillNeeded) {
                store.keep(key);
                kept++;
            } else if (!store.deleteIfWrittenBefore(key, firstKeptDay)) {
                kept++; // mapped again since it was found: the new rows are needed
            }
        }
        if (kept > 0) {
            LOG.infof("Housekeeping mapped-orders: kept %d expired mapped order(s) whose order is still on its way",
                    kept);
        }
        return expired.size();
    }
}
