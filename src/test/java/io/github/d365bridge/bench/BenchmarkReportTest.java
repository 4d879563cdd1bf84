package io.github.d365bridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.ground.Json;

/** The report's first line says whether every target was met, and names each one that was not. */
class BenchmarkReportTest {

    @Test
    void allTargetsMetIsTheFirstLine() {
        String report = BenchmarkReport.render(Map.of("order-flow-batched", batched(7.1, 30.0, 15.3),
                "order-flow-naive", json("{\"throughputPerSecond\":0.1}"), "webhook-intake", intake(14.8, 300, 0.83)));

        assertThat(report.lines().findFirst()).contains("All 6 targets met");
        assertThat(report).doesNotContain("MISSED").contains("# Benchmark report");
    }

    @Test
    void everyMissedTargetIsNamedInTheFirstLineWithItsMeasurement() {
        String report = BenchmarkReport.render(Map.of("order-flow-batched", batched(7.1, 50.0, 15.3),
                "webhook-intake", intake(14.8, 300, 0.72)));

        String first = report.lines().findFirst().orElseThrow();
        assertThat(first).startsWith("**MISSED: ")
                .contains("p95 placement → write-back ≤ 3 × job latency at 10 orders/s (p95 50.0 s; job 15.3 s → limit 45.9 s)")
                .contains("webhook intake ≥ 80 % of the bare Azurite enqueue rate (72 %")
                .doesNotContain("p99 ≤ 50 ms")
                .endsWith("not evaluated in this run: throughput ≥ 20 × one package per order");
        assertThat(report).contains("| MISSED |");
    }

    @Test
    void theCapacityTargetIsTheShareOfTheDmfCeiling() {
        String missed = BenchmarkReport.render(Map.of("order-flow-capacity", capacity(18.0, 25.3, 100, 5.2)));
        String met = BenchmarkReport.render(Map.of("order-flow-capacity", capacity(22.0, 25.3, 200, 1.1)));

        assertThat(missed.lines().findFirst().orElseThrow()).contains("order capacity ≥ 85 % of the DMF ceiling with full"
                + " batches (71 % (18.0 of 25.3 orders/s, 100 orders per job, gap 5.2 s))");
        assertThat(met.lines().findFirst().orElseThrow()).startsWith("All 1 targets met");
    }

    @Test
    void intakeLatencyIsJudgedAtHalfAndFourFifthsOfTheBareEnqueueRate() {
        String first = BenchmarkReport.render(Map.of("webhook-intake", intake(14.8, 300, 0.83, 51.0, 149.0)))
                .lines().findFirst().orElseThrow();

        assertThat(first).contains("webhook intake p99 ≤ 50 ms at 50 % of the bare enqueue rate "
                + "(p99 51.0 ms at 750 requests/s (bare enqueue 1500 /s))")
                .doesNotContain("at 80 % of the bare enqueue rate (");
    }

    @Test
    void anIntakeRunWithoutTheSharePhasesLeavesThemNotEvaluated() {
        JsonNode older = json("{\"openLoop\":{\"latencyMs\":{\"p99\":10},\"achievedPerSecond\":300},"
                + "\"intakeShareOfRawEnqueue\":0.9,\"intakeMaxPerSecond\":900,\"rawEnqueuePerSecond\":1000}");

        assertThat(BenchmarkReport.render(Map.of("webhook-intake", older)).lines().findFirst().orElseThrow())
                .contains("not evaluated in this run: throughput ≥ 20 × one package per order; "
                        + "webhook intake p99 ≤ 50 ms at 50 % of the bare enqueue rate; "
                        + "webhook intake p99 ≤ 150 ms at 80 % of the bare enqueue rate");
    }

    @Test
    void aRunWithoutScenariosClaimsNothing() {
        assertThat(BenchmarkReport.render(Map.of()).lines().findFirst())
                .contains("No target evaluated in this run: throughput ≥ 20 × one package per order");
    }

    private static JsonNode batched(double throughput, double p95, double jobSeconds) {
        return json("{\"throughputPerSecond\":" + throughput + ",\"offeredPerSecond\":10,\"modelJobSeconds\":" + jobSeconds
                + ",\"placementToWriteBackSeconds\":{\"p95\":" + p95 + "}}");
    }

    private static JsonNode intake(double p99, double rate, double share) {
        return intake(p99, rate, share, 20.0, 120.0);
    }

    private static JsonNode intake(double p99, double rate, double share, double p99At50, double p99At80) {
        return json("{\"openLoop\":{\"latencyMs\":{\"p99\":" + p99 + "},\"achievedPerSecond\":" + rate + "},"
                + "\"openLoopAt50Percent\":{\"latencyMs\":{\"p99\":" + p99At50 + "},\"achievedPerSecond\":750},"
                + "\"openLoopAt80Percent\":{\"latencyMs\":{\"p99\":" + p99At80 + "},\"achievedPerSecond\":1200},"
                + "\"intakeShareOfRawEnqueue\":" + share + ",\"intakeMaxPerSecond\":1000,\"rawEnqueuePerSecond\":1500}");
    }

    private static JsonNode capacity(double rate, double ceiling, double perJob, double gap) {
        return json("{\"ordersPerSecond\":" + rate + ",\"ceilingPerSecond\":" + ceiling + ",\"shareOfCeiling\":"
                + rate / ceiling + ",\"ordersPerJob\":" + perJob + ",\"gapSeconds\":{\"total\":{\"mean\":" + gap + "}}}");
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
