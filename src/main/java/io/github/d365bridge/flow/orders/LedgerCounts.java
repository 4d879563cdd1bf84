package io.github.d365bridge.flow.orders;

import java.util.Map;

/**
 * The order ledger in numbers, from one scan.
 *
 * @param byState  orders per state, every state present (0 when none)
 * @param bySource orders per way the bridge first heard of them ({@code webhook}, {@code io-event},
 *                 {@code poll}; {@value #UNKNOWN_SOURCE} for entries recorded before the ledger kept it)
 */
public record LedgerCounts(Map<OrderState, Long> byState, Map<String, Long> bySource) {

    public static final String UNKNOWN_SOURCE = "unknown";

    public LedgerCounts {
        byState = Map.copyOf(byState);
        bySource = Map.copyOf(bySource);
    }
}
