package io.github.d365bridge.flow.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one Commerce order stands on its way into D365. Transitions only go forward (or to FAILED, back to
 * MAPPED to be packaged again, and from FAILED back to RECEIVED by an operator replay), which is what lets every step check and advance
 * the ledger with a conditional write and ignore duplicates.
 */
public enum OrderState {
    RECEIVED,
    MAPPED,
    PACKAGED,
    IMPORTING,
    IMPORTED,
    WRITTEN_BACK,
    FAILED;

    /** States this one may move to. */
    public Set<OrderState> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(MAPPED, FAILED);
            case MAPPED -> EnumSet.of(PACKAGED, FAILED);
            // a batch that failed as a whole sends its orders back to MAPPED to be packaged again (bisection);
            // an order whose mapped rows are gone goes back to be read and mapped again
            case PACKAGED -> EnumSet.of(IMPORTING, MAPPED, RECEIVED, FAILED);
            case IMPORTING -> EnumSet.of(IMPORTED, MAPPED, FAILED);
            case IMPORTED -> EnumSet.of(WRITTEN_BACK, FAILED);
            case WRITTEN_BACK -> EnumSet.noneOf(OrderState.class);
            case FAILED -> EnumSet.of(RECEIVED);
        };
    }

    /** True once the order is in D365 (whatever happens to the write-back). */
    public boolean isInD365() {
        return this == IMPORTED || this == WRITTEN_BACK;
    }

    public boolean isFinished() {
        return this == WRITTEN_BACK || this == FAILED;
    }
}
