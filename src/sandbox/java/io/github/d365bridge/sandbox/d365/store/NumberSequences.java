package io.github.d365bridge.sandbox.d365.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * D365 number sequences, one per purpose and company: sales orders {@code 000001}, lots
 * {@code USMF-000001}, invoices {@code CIV-000001}. Numbers are never reused, even after a reset of
 * the rows, as in D365 (a continuous sequence is not guaranteed either way).
 */
public final class NumberSequences {

    /** What a sequence numbers; the format gets the company (upper case) and the number. */
    public enum Purpose {
        SALES_ORDER("%2$06d"),
        INVENTORY_LOT("%1$s-%2$06d"),
        INVOICE("CIV-%2$06d"),
        VOUCHER("ARI-%2$06d"),
        EXECUTION("%2$d");

        private final String format;

        Purpose(String format) {
            this.format = format;
        }
    }

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    public String next(Purpose purpose, String company) {
        long number = counters.computeIfAbsent(purpose + "/" + company, k -> new AtomicLong()).incrementAndGet();
        return String.format(purpose.format, company.toUpperCase(java.util.Locale.ROOT), number);
    }

    /** The next number of a sequence of plain integers (customer accounts continue after the seed). */
    public long nextNumber(String name, String company, long firstValue) {
        return counters.computeIfAbsent(name + "/" + company, k -> new AtomicLong(firstValue - 1)).incrementAndGet();
    }
}
