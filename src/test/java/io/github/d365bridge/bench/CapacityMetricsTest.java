package io.github.d365bridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class CapacityMetricsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** 15 s per job and 1 ms per row, as the benchmark's D365 sandbox. */
    private static final java.util.function.LongFunction<Duration> MODEL = rows -> Duration.ofSeconds(15).plusMillis(rows);

    @Test
    void theSteadyStateLeavesOutEachCompanysFirstAndLastJobAndCountsFromEndToEnd() {
        List<ImportCycle> cycles = new ArrayList<>();
        cycles.addAll(company("usmf", 0, 200, 200, 200, 50));
        cycles.addAll(company("demf", 7, 200, 200, 200, 200, 120));

        CapacityMetrics metrics = new CapacityMetrics(cycles, 200, MODEL);

        // usmf: 400 orders from the end of job 1 (16 s) to the end of job 3 (56 s); demf: 600 over 60 s
        assertThat(metrics.ordersPerSecond()).isCloseTo(10.0 + 10.0, within(1e-9));
        // 200 orders of 4 rows: 15.8 s a full batch, per company
        assertThat(metrics.ceilingPerSecond()).isCloseTo(2 * 200 / 15.8, within(0.05));
        assertThat(metrics.shareOfCeiling()).isCloseTo(20 / (2 * 200 / 15.8), within(0.005));
        assertThat(metrics.ordersPerJob()).isEqualTo(200.0);
        JsonNode json = metrics.toJson();
        assertThat(json.path("steadyJobs").asInt()).isEqualTo(5);
        assertThat(json.path("fullBatchShare").asDouble()).isEqualTo(1.0);
        assertThat(json.path("gapSeconds").path("total").path("mean").asDouble()).isEqualTo(4.0);
        assertThat(json.path("gapSeconds").path("notice").path("mean").asDouble()).isEqualTo(3.0);
        assertThat(json.path("gapSeconds").path("packaging").path("mean").asDouble()).isEqualTo(0.5);
        assertThat(json.path("gapSeconds").path("submit").path("mean").asDouble()).isEqualTo(0.5);
        assertThat(json.path("gapLargestPart").asText()).startsWith("notice: 3.00 s of a 4.00 s mean gap");
        assertThat(json.path("companies").path("usmf").path("ordersPerJob").asText()).isEqualTo("200 200 200 50");
    }

    @Test
    void halfBatchesShowInOrdersPerJobAndTheShare() {
        List<ImportCycle> cycles = company("usmf", 0, 200, 100, 100, 100, 40);

        CapacityMetrics metrics = new CapacityMetrics(cycles, 200, MODEL);

        assertThat(metrics.ordersPerJob()).isEqualTo(100.0);
        assertThat(metrics.toJson().path("fullBatchShare").asDouble()).isZero();
        assertThat(metrics.shareOfCeiling()).isLessThan(0.5);
    }

    @Test
    void aCompanyWithFewerThanThreeJobsHasNoSteadyStateAndNoRateIsClaimed() {
        List<ImportCycle> cycles = new ArrayList<>(company("usmf", 0, 200, 200, 200));
        cycles.addAll(company("demf", 0, 200, 10));

        CapacityMetrics metrics = new CapacityMetrics(cycles, 200, MODEL);

        assertThat(metrics.hasSteadyState()).isFalse();
        assertThat(metrics.ordersPerSecond()).isNaN();
    }

    /**
     * Jobs every 20 s from {@code offset}, each running 16 s in D365; the bridge notices an end 3 s late and
     * records the next job 0.5 s before D365 creates it. Four rows per order.
     */
    private static List<ImportCycle> company(String company, int offset, int... orders) {
        List<ImportCycle> jobs = new ArrayList<>();
        for (int i = 0; i < orders.length; i++) {
            Instant created = T0.plusSeconds(offset + 20L * i);
            Instant ended = created.plusSeconds(16);
            jobs.add(new ImportCycle(company, company + "-" + i, orders[i], 4L * orders[i], created.minusMillis(500),
                    created, ended, ended.plusSeconds(3)));
        }
        // out of order on purpose: the metrics order by D365's creation time
        java.util.Collections.reverse(jobs);
        return jobs;
    }
}
