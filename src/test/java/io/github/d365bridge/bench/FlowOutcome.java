package io.github.d365bridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;

/**
 * The end of an order-flow run, checked before anything is reported: every order finished, none failed,
 * each exactly once in D365 with its number written back to Commerce. A fast but wrong flow cannot
 * produce a report.
 */
final class FlowOutcome {

    private static final Logger LOG = Logger.getLogger(FlowOutcome.class);

    /** Headers and lines D365 holds for the run's orders. */
    record Counts(long headers, long lines) {
    }

    private FlowOutcome() {
    }

    /** Polls the ledger until every order is written back or failed, or the limit passes. */
    static Map<OrderKey, LedgerEntry> awaitFinished(OrderLedger ledger, Set<OrderKey> keys, Duration limit)
            throws InterruptedException {
        Map<OrderKey, LedgerEntry> done = new HashMap<>();
        Instant deadline = Instant.now().plus(limit);
        while (done.size() < keys.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(2_000);
            for (OrderState state : new OrderState[] {OrderState.WRITTEN_BACK, OrderState.FAILED}) {
                try (Stream<LedgerEntry> entries = ledger.inState(state)) {
                    entries.filter(e -> keys.contains(e.key())).forEach(e -> done.putIfAbsent(e.key(), e));
                }
            }
            LOG.infof("Benchmark: %d of %d orders finished", done.size(), keys.size());
        }
        return done;
    }

    /** Asserts the outcome; the D365 rows of the run's orders, counted once each. */
    static Counts verify(D365Sandbox d365, CommerceSandbox commerce, Map<OrderKey, Integer> commerceIds,
            Map<OrderKey, LedgerEntry> done, int failed) {
        assertThat(done).as("orders finished within the drain limit").hasSize(commerceIds.size());
        assertThat(failed).as("failed orders").isZero();
        // one pass over each table: a per-order scan is quadratic in the run's size
        Map<String, List<Map<String, Object>>> headersByReference = new HashMap<>();
        for (Map<String, Object> row : d365.data().rows("SalesOrderHeadersV2", r -> true)) {
            headersByReference.computeIfAbsent(String.valueOf(row.get("CustomersOrderReference")), r -> new java.util.ArrayList<>())
                    .add(row);
        }
        Map<String, Long> linesByOrder = new HashMap<>();
        for (Map<String, Object> row : d365.data().rows("SalesOrderLinesV3", r -> true)) {
            linesByOrder.merge(row.get("dataAreaId") + "/" + row.get("SalesOrderNumber"), 1L, Long::sum);
        }
        long headers = 0;
        long lines = 0;
        for (Map.Entry<OrderKey, Integer> order : commerceIds.entrySet()) {
            OrderKey key = order.getKey();
            List<Map<String, Object>> inD365 = headersByReference.getOrDefault(key.toString(), List.of());
            assertThat(inD365).as("exactly once in D365: " + key).hasSize(1);
            String number = (String) inD365.get(0).get("SalesOrderNumber");
            String company = (String) inD365.get(0).get("dataAreaId");
            headers++;
            lines += linesByOrder.getOrDefault(company + "/" + number, 0L);
            assertThat(commerce.data().order(order.getValue()).orElseThrow().findValuesAsText("comment"))
                    .as("D365 number written back to " + key).anyMatch(c -> c.contains(number));
        }
        return new Counts(headers, lines);
    }
}
