package io.github.d365bridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

/**
 * Where the benchmark scenarios put their numbers: one JSON file per scenario under
 * {@code target/benchmark/}, and {@code report.md} rebuilt after every scenario from the files of the
 * same run (the Maven profile stamps the run), so the report shows the batched flow, the naive baseline,
 * the capacity burst and the intake next to each other with the targets evaluated. The first line names every missed
 * target.
 */
public final class BenchmarkReport {

    static final Path DIR = Path.of("target", "benchmark");
    private static final Logger LOG = Logger.getLogger(BenchmarkReport.class);

    private BenchmarkReport() {
    }

    /** The run stamp from {@code -Dbenchmark.run} (set by the Maven profile), else "ad hoc". */
    public static String runId() {
        String run = System.getProperty("benchmark.run", "");
        return run.isBlank() || run.startsWith("${") ? "ad hoc" : run;
    }

    /** A {@code -D} integer from the Maven profile, or the default when absent or still a placeholder. */
    public static int intProperty(String name, int defaultValue) {
        String value = System.getProperty(name, "");
        return value.matches("\\d+") ? Integer.parseInt(value) : defaultValue;
    }

    public static void record(String scenario, ObjectNode metrics) {
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

    /**
     * The report: its first line is the verdict over every target (the benchmarks print MISSED but do not
     * fail, so the verdict must be where no reader skips it), then machine, targets table and raw numbers.
     */
    static String render(Map<String, JsonNode> s) {
        List<Target> targets = targets(s);
        StringBuilder out = new StringBuilder(verdict(targets)).append("\n\n");
        out.append("# Benchmark report\n\nRun: ").append(runId()).append(". Machine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(HeapSampler.maxHeapMegabytes()).append(" MB. Bridge, sandboxes and load generator share one JVM (the webhook")
                .append(" load generator's own thread CPU is subtracted from the bridge's); Azurite runs beside it (Node).\n\n");
        out.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (Target target : targets) {
            out.append("| ").append(target.name()).append(" | ").append(target.measured()).append(" | ")
                    .append(target.met() == null ? "—" : target.met() ? "met" : "MISSED").append(" |\n");
        }
        for (Map.Entry<String, JsonNode> e : s.entrySet()) {
            out.append("\n## ").append(e.getKey()).append("\n\n```json\n")
                    .append(e.getValue().toPrettyString()).append("\n```\n");
        }
        return out.toString();
    }

    /** {@code All 4 targets met}, or {@code MISSED: } and each missed target with what was measured. */
    static String verdict(List<Target> targets) {
        List<Target> missed = targets.stream().filter(t -> Boolean.FALSE.equals(t.met())).toList();
        List<Target> open = targets.stream().filter(t -> t.met() == null).toList();
        String notEvaluated = open.isEmpty() ? "" : "; not evaluated in this run: "
                + String.join("; ", open.stream().map(Target::name).toList());
        if (!missed.isEmpty()) {
            return "**MISSED: " + String.join("; ", missed.stream().map(t -> t.name() + " (" + t.measured() + ")").toList())
                    + "**" + notEvaluated;
        }
        int met = targets.size() - open.size();
        return met == 0 ? "No target evaluated in this run" + notEvaluated.replaceFirst("; not evaluated in this run", "")
                : "All " + met + " targets met" + notEvaluated;
    }

    /** One target of the report; {@code met} is null when this run lacks the scenarios it needs. */
    record Target(String name, String measured, Boolean met) {
    }

    private static List<Target> targets(Map<String, JsonNode> s) {
        JsonNode batched = s.get("order-flow-batched");
        JsonNode naive = s.get("order-flow-naive");
        JsonNode intake = s.get("webhook-intake");
        JsonNode capacity = s.get("order-flow-capacity");
        List<Target> targets = new ArrayList<>();
        String throughput = "throughput ≥ 20 × one package per order";
        if (batched != null && naive != null) {
            double ratio = batched.path("throughputPerSecond").asDouble() / naive.path("throughputPerSecond").asDouble();
            targets.add(new Target(throughput, fmt("%.1f ×", ratio), ratio >= 20));
        } else {
            targets.add(new Target(throughput, "needs both flow scenarios in this run", null));
        }
        if (batched != null) {
            double p95 = batched.path("placementToWriteBackSeconds").path("p95").asDouble();
            double job = batched.path("modelJobSeconds").asDouble();
            targets.add(new Target("p95 placement → write-back ≤ 3 × job latency at "
                    + batched.path("offeredPerSecond").asText() + " orders/s",
                    fmt("p95 %.1f s; job %.1f s → limit %.1f s", p95, job, 3 * job), p95 <= 3 * job));
        }
        if (intake != null) {
            targets.addAll(intakeTargets(intake));
        }
        if (capacity != null) {
            double share = capacity.path("shareOfCeiling").asDouble(Double.NaN);
            String name = "order capacity ≥ 85 % of the DMF ceiling with full batches";
            String measured = fmt("%.0f %% (%.1f of %.1f orders/s, %.0f orders per job, gap %.1f s)", 100 * share,
                    capacity.path("ordersPerSecond").asDouble(), capacity.path("ceilingPerSecond").asDouble(),
                    capacity.path("ordersPerJob").asDouble(), capacity.path("gapSeconds").path("total").path("mean")
                            .asDouble());
            targets.add(Double.isNaN(share) ? new Target(name, "too few DMF jobs for a steady state", null)
                    : new Target(name, measured, share >= 0.85));
        }
        JsonNode ledger = s.get("ledger-scale");
        if (ledger != null) {
            targets.addAll(ledgerTargets(ledger));
        }
        return targets;
    }

    /** Each step's storage requests independent of the ledger's size, and its time within 1.5 ×. */
    private static List<Target> ledgerTargets(JsonNode ledger) {
        String worstRequests = "";
        long worstExtra = Long.MIN_VALUE;
        String slowest = "";
        double worstRatio = 0;
        for (var step : (Iterable<Map.Entry<String, JsonNode>>) ledger::fields) {
            JsonNode m = step.getValue();
            if (!m.isObject() || step.getKey().startsWith("probe")) {
                continue;
            }
            long extra = m.path("storageRequestsLoaded").asLong() - m.path("storageRequestsEmpty").asLong();
            if (extra > worstExtra) {
                worstExtra = extra;
                worstRequests = step.getKey();
            }
            if (m.path("timeRatio").asDouble() > worstRatio) {
                worstRatio = m.path("timeRatio").asDouble();
                slowest = step.getKey();
            }
        }
        String entries = ledger.path("ledgerEntries").asText();
        JsonNode probe = ledger.path("probeEmptyQuery");
        return List.of(
                new Target("ledger: storage requests per step on " + entries + " finished orders ≤ empty + 2",
                        fmt("worst %+d (%s)", worstExtra, worstRequests), worstExtra <= 2),
                new Target("ledger: time per step on " + entries + " finished orders ≤ 1.5 × empty",
                        fmt("worst %.2f × (%s); Azurite's own empty query %d → %d ms", worstRatio, slowest,
                                probe.path("msEmpty").asLong(), probe.path("msLoaded").asLong()), worstRatio <= 1.5));
    }

    /**
     * The intake's targets. Commerce waits for the webhook's answer during checkout, so its latency is
     * checkout latency: judged at the fixed rate and at 50 % and 80 % of the bare enqueue rate measured in
     * the same run (the machine's own ceiling), and the intake's top rate against that ceiling.
     */
    private static List<Target> intakeTargets(JsonNode intake) {
        List<Target> targets = new ArrayList<>();
        JsonNode open = intake.path("openLoop");
        double p99 = open.path("latencyMs").path("p99").asDouble();
        double rate = open.path("achievedPerSecond").asDouble();
        // the open loop's last request is due just before the phase ends, so 300 offered reads as 299.x
        // achieved: the rate counts as kept within 1 % of what was offered
        double offered = open.path("offeredPerSecond").asDouble(rate);
        targets.add(new Target("webhook intake p99 ≤ 50 ms at ≥ 300 requests/s",
                fmt("p99 %.1f ms at %.1f requests/s", p99, rate), p99 <= 50 && offered >= 300 && rate >= 0.99 * offered));
        targets.add(shareOfBareRateTarget(intake, "openLoopAt50Percent", "50 %", 50));
        targets.add(shareOfBareRateTarget(intake, "openLoopAt80Percent", "80 %", 150));
        double share = intake.path("intakeShareOfRawEnqueue").asDouble();
        targets.add(new Target("webhook intake ≥ 80 % of the bare Azurite enqueue rate",
                fmt("%.0f %% (%.0f vs %.0f /s)", 100 * share, intake.path("intakeMaxPerSecond").asDouble(),
                        intake.path("rawEnqueuePerSecond").asDouble()), share >= 0.80));
        return targets;
    }

    /** p99 at a share of the bare enqueue rate; not evaluated when the run has no such phase (older JSON). */
    private static Target shareOfBareRateTarget(JsonNode intake, String phase, String share, double limitMs) {
        String name = fmt("webhook intake p99 ≤ %.0f ms at %s of the bare enqueue rate", limitMs, share);
        JsonNode open = intake.get(phase);
        if (open == null) {
            return new Target(name, "this run has no " + share + " phase", null);
        }
        double p99 = open.path("latencyMs").path("p99").asDouble();
        return new Target(name, fmt("p99 %.1f ms at %.0f requests/s (bare enqueue %.0f /s)", p99,
                open.path("achievedPerSecond").asDouble(), intake.path("rawEnqueuePerSecond").asDouble()), p99 <= limitMs);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
