package io.github.d365bridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.storage.Json;

/**
 * Where the benchmark scenarios put their numbers: one JSON file per scenario under
 * {@code target/benchmark/}, and {@code report.md} rebuilt after every scenario from the files of the
 * same run (the Maven profile stamps the run), so the report shows the batched flow, the naive baseline
 * and the intake next to each other with the targets evaluated.
 */
final class BenchmarkReport {

    static final Path DIR = Path.of("target", "benchmark");
    private static final Logger LOG = Logger.getLogger(BenchmarkReport.class);

    private BenchmarkReport() {
    }

    /** The run stamp from {@code -Dbenchmark.run} (set by the Maven profile), else "ad hoc". */
    static String runId() {
        String run = System.getProperty("benchmark.run", "");
        return run.isBlank() || run.startsWith("${") ? "ad hoc" : run;
    }

    /** A {@code -D} integer from the Maven profile, or the default when absent or still a placeholder. */
    static int intProperty(String name, int defaultValue) {
        String value = System.getProperty(name, "");
        return value.matches("\\d+") ? Integer.parseInt(value) : defaultValue;
    }

    static void record(String scenario, ObjectNode metrics) {
        try {
            Files.createDirectories(DIR);
            ObjectNode doc = Json.mapper().createObjectNode().put("run", runId()).put("scenario", scenario);
            doc.set("metrics", metrics);
            Files.writeString(DIR.resolve(scenario + ".json"), Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(doc));
            Path report = DIR.resolve("report.md");
            Files.writeString(report, render(load()));
            LOG.infof("Benchmark %s recorded; report at %s", scenario, report.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the benchmark report failed", e);
        }
    }

    private static Map<String, JsonNode> load() throws IOException {
        Map<String, JsonNode> scenarios = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, "*.json")) {
            for (Path file : files) {
                JsonNode doc = Json.mapper().readTree(file.toFile());
                if (runId().equals(doc.path("run").asText())) {
                    scenarios.put(doc.path("scenario").asText(), doc.path("metrics"));
                }
            }
        }
        return scenarios;
    }

    static String render(Map<String, JsonNode> s) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark report\n\nRun: ").append(runId()).append(". Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(HeapSampler.maxHeapMegabytes()).append(" MB. Bridge, sandboxes and load generator share one JVM;")
                .append(" Azurite runs beside it (Node).\n\n");
        JsonNode batched = s.get("order-flow-batched");
        JsonNode naive = s.get("order-flow-naive");
        JsonNode intake = s.get("webhook-intake");
        out.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        if (batched != null && naive != null) {
            double ratio = batched.path("throughputPerSecond").asDouble() / naive.path("throughputPerSecond").asDouble();
            row(out, "throughput ≥ 20 × one package per order", fmt("%.1f ×", ratio), ratio >= 20);
        } else {
            out.append("| throughput ≥ 20 × one package per order | needs both flow scenarios in this run | — |\n");
        }
        if (batched != null) {
            double p95 = batched.path("placementToWriteBackSeconds").path("p95").asDouble();
            double job = batched.path("modelJobSeconds").asDouble();
            row(out, "p95 placement → write-back ≤ 3 × job latency at " + batched.path("offeredPerSecond").asText()
                    + " orders/s", fmt("p95 %.1f s; job %.1f s → limit %.1f s", p95, job, 3 * job), p95 <= 3 * job);
        }
        if (intake != null) {
            JsonNode open = intake.path("openLoop");
            double p99 = open.path("latencyMs").path("p99").asDouble();
            double rate = open.path("achievedPerSecond").asDouble();
            row(out, "webhook intake p99 ≤ 50 ms at ≥ 300 requests/s",
                    fmt("p99 %.1f ms at %.0f requests/s", p99, rate), p99 <= 50 && rate >= 300);
            double share = intake.path("intakeShareOfRawEnqueue").asDouble();
            row(out, "webhook intake ≥ 70 % of the raw Azurite enqueue rate",
                    fmt("%.0f %% (%.0f vs %.0f /s)", 100 * share, intake.path("intakeMaxPerSecond").asDouble(),
                            intake.path("rawEnqueuePerSecond").asDouble()), share >= 0.70);
        }
        for (Map.Entry<String, JsonNode> e : s.entrySet()) {
            out.append("\n## ").append(e.getKey()).append("\n\n```json\n")
                    .append(e.getValue().toPrettyString()).append("\n```\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String target, String measured, boolean met) {
        out.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "met" : "MISSED")
                .append(" |\n");
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
