package io.github.d365bridge.flow.housekeeping;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.d365bridge.config.HousekeepingConfig;
import io.github.d365bridge.flow.orders.OrderLedger;

/**
 * Finished orders past their retention leave the order ledger, oldest first, each with all its rows: archived
 * written-back ones (a roll-up first archives what is due, so nothing waits a day longer for it) and failed
 * ones. The status view counts archived orders from totals, so it keeps counting what goes.
 */
@ApplicationScoped
public class OrderLedgerSweep implements SweepTarget {

    private final OrderLedger ledger;
    private final HousekeepingConfig config;

    @Inject
    public OrderLedgerSweep(OrderLedger ledger, HousekeepingConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    @Override
    public String name() {
        return "order-ledger";
    }

    @Override
    public int sweep(int limit) {
        ledger.rollUp();
        Instant now = Instant.now();
        return ledger.deleteFinished(now.minus(config.orderRetention()), now.minus(config.failedOrderRetention()), limit);
    }
}
