package io.github.d365bridge.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of latencies in milliseconds (nearest-rank: the value at or above the rank). */
final class Latencies {

    private final double[] sorted;

    Latencies(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** p50/p95/p99/max, rounded to 0.1 ms, for a report. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", count());
        out.put("p50", round(percentile(50)));
        out.put("p95", round(percentile(95)));
        out.put("p99", round(percentile(99)));
        out.put("max", round(max()));
        return out;
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }
}
