package io.github.d365bridge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.Json;

/**
 * The order capacity of one run, from its DMF jobs alone (so the load generator's pace and the drain of
 * write-backs do not enter it). Per company the jobs are taken in the order D365 created them; the
 * first is warm-up (it started from an empty pipeline) and the last is the drain tail (what was left),
 * and the jobs between are the steady state. A steady job's cycle runs from the end of the job before
 * it to its own end, as D365 reports both, so the steady window of a company is the time from the end
 * of its first job to the end of its last-but-one, and its rate the orders of the steady jobs over that
 * window. The run's rate is the sum over companies, as its DMF-bound ceiling is: per company the batch
 * size over the modelled duration of a full batch.
 */
final class CapacityMetrics {

    static final Map<String, String> DEFINITIONS = definitions();

    private final Map<String, List<ImportCycle>> byCompany = new TreeMap<>();
    private final int batchSize;
    private final LongFunction<Duration> modelledImport;

    /**
     * @param batchSize      the bridge's largest batch (a full one)
     * @param modelledImport the D365 sandbox's duration of an import of so many rows
     */
    CapacityMetrics(List<ImportCycle> cycles, int batchSize, LongFunction<Duration> modelledImport) {
        this.batchSize = batchSize;
        this.modelledImport = modelledImport;
        for (ImportCycle cycle : cycles) {
            byCompany.computeIfAbsent(cycle.company(), c -> new ArrayList<>()).add(cycle);
        }
        byCompany.values().forEach(list -> list.sort(Comparator.comparing(ImportCycle::submittedAt)));
    }

    /** True when every company had a steady job (at least three jobs): otherwise no rate is claimed. */
    boolean hasSteadyState() {
        return !byCompany.isEmpty() && byCompany.values().stream().allMatch(jobs -> jobs.size() >= 3);
    }

    double ordersPerSecond() {
        return hasSteadyState() ? byCompany.values().stream().mapToDouble(CapacityMetrics::steadyRate).sum() : Double.NaN;
    }

    double ceilingPerSecond() {
        return byCompany.values().stream().mapToDouble(this::ceiling).sum();
    }

    double shareOfCeiling() {
        return ordersPerSecond() / ceilingPerSecond();
    }

    /** Mean orders per job over the steady jobs. */
    double ordersPerJob() {
        return mean(steadyJobs(), ImportCycle::orders);
    }

    private static double steadyRate(List<ImportCycle> jobs) {
        long orders = steady(jobs).stream().mapToLong(ImportCycle::orders).sum();
        return orders / seconds(jobs.get(0).endedAt(), jobs.get(jobs.size() - 2).endedAt());
    }

    /** Batch size over the modelled duration of a full batch of this company's order mix. */
    private double ceiling(List<ImportCycle> jobs) {
        double rowsPerOrder = jobs.stream().mapToLong(ImportCycle::rows).sum()
                / (double) jobs.stream().mapToLong(ImportCycle::orders).sum();
        return batchSize / (modelledImport.apply(Math.round(batchSize * rowsPerOrder)).toMillis() / 1000.0);
    }

    private static List<ImportCycle> steady(List<ImportCycle> jobs) {
        return jobs.size() < 3 ? List.of() : jobs.subList(1, jobs.size() - 1);
    }

    private List<ImportCycle> steadyJobs() {
        return byCompany.values().stream().flatMap(jobs -> steady(jobs).stream()).toList();
    }

    /** The parts of the time between a steady job and the one before it, per steady job. */
    private List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        for (List<ImportCycle> jobs : byCompany.values()) {
            for (int i = 1; i < jobs.size() - 1; i++) {
                ImportCycle before = jobs.get(i - 1);
                ImportCycle job = jobs.get(i);
                gaps.add(new Gap(seconds(before.endedAt(), job.submittedAt()), seconds(before.endedAt(), before.noticedAt()),
                        seconds(before.noticedAt(), job.recordedAt()), seconds(job.recordedAt(), job.submittedAt())));
            }
        }
        return gaps;
    }

    /**
     * @param total     end of the job before (D365) → this job created (D365)
     * @param notice    end of the job before → the bridge's check that found it ended
     * @param packaging that check → this job recorded (outcome started, next batch claimed, read and zipped)
     * @param submit    recorded → created in D365 (write URL, upload, import call)
     */
    private record Gap(double total, double notice, double packaging, double submit) {
    }

    ObjectNode toJson() {
        List<Gap> gaps = gaps();
        List<ImportCycle> steady = steadyJobs();
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("ordersPerSecond", r3(ordersPerSecond())).put("ordersPerJob", r3(ordersPerJob()))
                .put("ceilingPerSecond", r3(ceilingPerSecond())).put("shareOfCeiling", r3(shareOfCeiling()))
                .put("batchMaxSize", batchSize)
                .put("dmfJobs", byCompany.values().stream().mapToInt(List::size).sum())
                .put("steadyJobs", steady.size())
                .put("fullBatchShare", r3(steady.stream().filter(j -> j.orders() >= batchSize).count()
                        / (double) steady.size()));
        ObjectNode gap = m.putObject("gapSeconds");
        gap.set("total", Json.mapper().valueToTree(stats(gaps, Gap::total)));
        gap.set("notice", Json.mapper().valueToTree(stats(gaps, Gap::notice)));
        gap.set("packaging", Json.mapper().valueToTree(stats(gaps, Gap::packaging)));
        gap.set("submit", Json.mapper().valueToTree(stats(gaps, Gap::submit)));
        m.put("gapLargestPart", largestPart(gaps));
        ObjectNode job = m.putObject("d365JobSeconds");
        job.set("measured", Json.mapper().valueToTree(stats(steady, j -> seconds(j.submittedAt(), j.endedAt()))));
        job.set("modelled", Json.mapper().valueToTree(stats(steady, j -> modelledImport.apply(j.rows()).toMillis() / 1000.0)));
        ObjectNode companies = m.putObject("companies");
        byCompany.forEach((company, jobs) -> {
            ObjectNode c = companies.putObject(company);
            c.put("jobs", jobs.size()).put("steadyOrders", steady(jobs).stream().mapToInt(ImportCycle::orders).sum());
            if (jobs.size() >= 3) {
                c.put("steadyWindowSeconds", r3(seconds(jobs.get(0).endedAt(), jobs.get(jobs.size() - 2).endedAt())))
                        .put("ordersPerSecond", r3(steadyRate(jobs)));
            }
            c.put("ceilingPerSecond", r3(ceiling(jobs)))
                    .put("ordersPerJob", jobs.stream().map(ImportCycle::orders).map(String::valueOf)
                            .collect(Collectors.joining(" ")));
        });
        m.set("definitions", Json.mapper().valueToTree(DEFINITIONS));
        return m;
    }

    /** Which part of the gap is largest on average, with its share: what to look at first. */
    private static String largestPart(List<Gap> gaps) {
        if (gaps.isEmpty()) {
            return "no steady jobs";
        }
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("notice", mean(gaps, Gap::notice));
        parts.put("packaging", mean(gaps, Gap::packaging));
        parts.put("submit", mean(gaps, Gap::submit));
        Map.Entry<String, Double> largest = parts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return BenchmarkReport.fmt("%s: %.2f s of a %.2f s mean gap", largest.getKey(), largest.getValue(),
                mean(gaps, Gap::total));
    }

    private static <T> Map<String, Object> stats(List<T> items, ToDoubleFunction<T> value) {
        double[] values = items.stream().mapToDouble(value).sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", values.length);
        out.put("mean", r3(mean(items, value)));
        out.put("p50", r3(values.length == 0 ? Double.NaN : values[(values.length - 1) / 2]));
        out.put("max", r3(values.length == 0 ? Double.NaN : values[values.length - 1]));
        return out;
    }

    private static <T> double mean(List<T> items, ToDoubleFunction<T> value) {
        return items.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static double r3(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? value : Math.round(value * 1000) / 1000.0;
    }

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("ordersPerSecond", "steady state: per company, the orders of its jobs but the first (warm-up) and the"
                + " last (drain tail), over the time from the end of its first job to the end of its last-but-one, both"
                + " as D365 reports them; summed over companies");
        d.put("ordersPerJob", "mean orders per DMF import job over those steady jobs");
        d.put("ceilingPerSecond", "per company the batch size over the sandbox's modelled duration of a full batch"
                + " (queue wait + fixed part + part per row, for the company's rows per order), summed over companies:"
                + " the rate if the bridge added no time between jobs");
        d.put("shareOfCeiling", "ordersPerSecond / ceilingPerSecond");
        d.put("gapSeconds", "per steady job: the job before it ended (D365) → this job created (D365); split into"
                + " notice (→ the bridge's status check found the end), packaging (→ the next job recorded: its batch"
                + " claimed, read and zipped) and submit (→ write URL, upload and import call reached D365)");
        d.put("d365JobSeconds", "per steady job: created → ended as D365 reports it, against the sandbox's model for its"
                + " rows (reading and applying the package come on top of the model)");
        return d;
    }
}
