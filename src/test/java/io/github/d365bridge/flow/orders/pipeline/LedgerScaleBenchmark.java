package io.github.d365bridge.flow.orders.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.bench.BenchmarkReport;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.LedgerHistory;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.testing.CountingStorage;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The order flow's steps on an empty ledger and on one holding {@code benchmark.ledger-entries} (200,000)
 * finished orders of the same store, in one run: the same batch of orders taken through intake, a batch tick,
 * the import outcome, the write-backs and a reconciler pass, plus the status view and the failed list.
 * Each step's storage requests (tables, blobs, queues, every retry) and wall time are recorded per ledger. A
 * step whose cost followed the ledger's size would show more requests on the loaded ledger.
 *
 * <p>The loaded ledger's orders are in its archive table, as the roll-ups leave them, so the ledger table
 * holds the same few rows on both ledgers. Azurite answers every table query by scanning its whole table,
 * where Azure Table reads a key range, and finds a key by scanning its partition; the probe rows measure
 * that, next to the steps, and the duplicates of archived orders show what the look-ups in the archive cost.
 */
class LedgerScaleBenchmark {

    private static final Logger LOG = Logger.getLogger(LedgerScaleBenchmark.class);
    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final int BATCH = 50;
    private static final int FAILED = 2;

    private final int history = BenchmarkReport.intProperty("benchmark.ledger-entries", 200_000);

    @Test
    void stepsCostTheSameOnAnEmptyAndOnALoadedLedger() throws Exception {
        CountingStorage storage = new CountingStorage(TestAzurite.storage().connectionString());
        D365Sandbox d365 = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("pipe-app", "pipe-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(300), Duration.ofMillis(1)).build());
        // a warm-up batch and ROUNDS batches per ledger, of the default store (the seed spreads orders over two)
        CommerceSandbox commerce = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .seedOrders(4 * (1 + 2 * ROUNDS) * BATCH).build());
        try {
            SandboxAlignment.lineUp(commerce, d365);
            OrderPipeline p = new OrderPipeline(storage, TLS, d365, commerce, Map.of("bridge.orders.batch-max-age",
                    "PT0S", "bridge.orders.batch-max-size", String.valueOf(BATCH)));
            List<ObjectNode> orders = commerce.data().orders().stream().filter(o -> o.get("store_id").asInt() == 1)
                    .toList();
            assertThat(orders.size()).as("orders of the default store").isGreaterThanOrEqualTo((1 + 2 * ROUNDS) * BATCH);
            List<List<ObjectNode>> batches = new java.util.ArrayList<>();
            for (int i = 0; i < 1 + 2 * ROUNDS; i++) {
                batches.add(orders.subList(i * BATCH, (i + 1) * BATCH));
            }

            // a first batch warms up the JVM and the sandboxes, so the empty and loaded runs compare like with like
            phase(p, storage, batches.get(0), List.of());
            Map<String, long[]> empty = rounds(p, storage, batches.subList(0, 1 + ROUNDS));

            Instant now = Instant.now();
            long preloadStart = System.nanoTime();
            // archived and counted, as the reconciler timer's roll-ups have left them on a ledger this old
            LedgerHistory.archived(storage, p.ledgerTableName(), "default", "usmf", history,
                    now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)), 4);
            double preloadSeconds = (System.nanoTime() - preloadStart) / 1e9;
            assertThat(p.ledger.countsByState().get(OrderState.WRITTEN_BACK))
                    .isEqualTo(history + (1 + ROUNDS) * (BATCH - (long) FAILED));
            LOG.infof("Ledger preloaded with %d finished orders in %.0f s", history, preloadSeconds);

            Map<String, long[]> loaded = rounds(p, storage, batches.subList(ROUNDS, 1 + 2 * ROUNDS));

            ObjectNode metrics = Json.mapper().createObjectNode().put("ledgerEntries", history)
                    .put("ordersPerBatch", BATCH).put("failedOrdersPerPhase", FAILED).put("roundsPerLedger", ROUNDS)
                    .put("preloadSeconds", Math.round(preloadSeconds));
            boolean flat = true;
            double worstRatio = 0;
            for (String operation : empty.keySet()) {
                long[] e = empty.get(operation);
                long[] l = loaded.get(operation);
                double ratio = (double) Math.max(1, l[1]) / Math.max(1, e[1]);
                metrics.putObject(operation).put("storageRequestsEmpty", e[0]).put("storageRequestsLoaded", l[0])
                        .put("msEmpty", e[1]).put("msLoaded", l[1]).put("timeRatio", Math.round(ratio * 100) / 100.0);
                if (!operation.startsWith("probe")) {
                    flat &= l[0] <= e[0] + 2;
                    worstRatio = Math.max(worstRatio, ratio);
                }
            }
            metrics.put("storageRequestsFlat", flat).put("worstTimeRatio", Math.round(worstRatio * 100) / 100.0);
            BenchmarkReport.record("ledger-scale", metrics);
        } finally {
            d365.close();
            commerce.close();
        }
    }

    private static final int ROUNDS = 3;

    /**
     * {@code batches.size() - 1} phases, each with the next batch, the one before it signalled again; per step
     * the most requests of any round and the median time, so one GC pause (of the bridge or of Azurite, whose
     * heap the preload grew) does not decide a ratio.
     */
    private Map<String, long[]> rounds(OrderPipeline p, CountingStorage storage, List<List<ObjectNode>> batches) {
        System.gc();
        sleep(2000);
        List<Map<String, long[]>> each = new java.util.ArrayList<>();
        for (int i = 1; i < batches.size(); i++) {
            each.add(phase(p, storage, batches.get(i), batches.get(i - 1)));
        }
        Map<String, long[]> summary = new LinkedHashMap<>();
        for (String step : each.get(0).keySet()) {
            long requests = each.stream().mapToLong(m -> m.get(step)[0]).max().orElseThrow();
            long[] ms = each.stream().mapToLong(m -> m.get(step)[1]).sorted().toArray();
            summary.put(step, new long[] {requests, ms[ms.length / 2]});
        }
        return summary;
    }

    /**
     * One batch of orders through every step, after the roll-up archived what earlier phases wrote back; then
     * the orders of {@code earlier} (archived) signalled again, as a later save of each in Commerce does. Per
     * step {requests, ms}.
     */
    private Map<String, long[]> phase(OrderPipeline p, CountingStorage storage, List<ObjectNode> batch,
            List<ObjectNode> earlier) {
        p.ledger.rollUp(Instant.now());
        Map<String, long[]> costs = new LinkedHashMap<>();
        Set<OrderKey> keys = batch.stream().map(o -> new OrderKey("default", o.get("increment_id").asText()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        costs.put("intake", measure(storage, () -> {
            for (ObjectNode order : batch) {
                p.intake.process(new OrderReceived("default", order.get("increment_id").asText(),
                        order.get("entity_id").asLong(), "webhook", order.get("updated_at").asText()), "bench");
            }
            return null;
        }));
        List<OrderKey> failing = keys.stream().limit(FAILED).toList();
        for (OrderKey key : failing) {
            LedgerEntry entry = p.ledger.find(key).orElseThrow();
            p.ledger.update(entry.moveTo(OrderState.FAILED).withError("failed on purpose by the benchmark"));
        }
        Set<OrderKey> importing = keys.stream().filter(k -> !failing.contains(k)).collect(Collectors.toSet());

        costs.put("batchTick", measure(storage, () -> {
            p.batchTick();
            return null;
        }));
        assertThat(importing).allSatisfy(k -> assertThat(p.ledger.find(k).orElseThrow().state())
                .isEqualTo(OrderState.IMPORTING));
        long[] outcome = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outcome == null) {
            sleep(200);
            long[] check = measure(storage, () -> {
                p.statusChecks();
                return null;
            });
            if (importing.stream().allMatch(k -> p.ledger.find(k).orElseThrow().state() == OrderState.IMPORTED)) {
                outcome = check;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the import did not end within 60 s");
            }
        }
        costs.put("outcome", outcome);
        costs.put("writeBacks", measure(storage, () -> {
            p.drainIntakeAndWriteBacks();
            return null;
        }));
        assertThat(importing).allSatisfy(k -> assertThat(p.ledger.find(k).orElseThrow().state())
                .isEqualTo(OrderState.WRITTEN_BACK));
        // the read-only steps take milliseconds: their time is the median of a few runs, so one GC pause
        // or scheduler hiccup does not decide the ratio
        costs.put("reconcilerPass", median(storage, () -> {
            p.reconciler.run();
            return null;
        }));
        costs.put("statusView", median(storage, () -> {
            p.ledger.counts();
            return p.ledger.recentlyFailed(50);
        }));
        costs.put("failedList", median(storage, () -> p.ledger.inState(OrderState.FAILED).limit(50).toList()));
        if (!earlier.isEmpty()) {
            costs.put("duplicatesOfArchived", measure(storage, () -> {
                for (ObjectNode order : earlier) {
                    LedgerEntry entry = p.intake.process(new OrderReceived("default", order.get("increment_id").asText(),
                            order.get("entity_id").asLong(), "webhook", order.get("updated_at").asText()), "again");
                    assertThat(entry.state()).isIn(OrderState.WRITTEN_BACK, OrderState.FAILED);
                }
                return null;
            }));
        }
        costs.put("probePointRead", median(storage, () -> p.ledger.find(keys.iterator().next())));
        costs.put("probeEmptyQuery", median(storage, () -> p.ledger.inBatch("no-such-batch").toList()));
        return costs;
    }

    private static final int REPEATS = 5;

    /** {requests of the first run, median ms of {@value #REPEATS} runs} of a step that changes nothing. */
    private static long[] median(CountingStorage storage, Supplier<Object> operation) {
        long[] first = measure(storage, operation);
        long[] ms = new long[REPEATS];
        ms[0] = first[1];
        for (int i = 1; i < REPEATS; i++) {
            ms[i] = measure(storage, operation)[1];
        }
        java.util.Arrays.sort(ms);
        return new long[] {first[0], ms[REPEATS / 2]};
    }

    private static long[] measure(CountingStorage storage, Supplier<Object> operation) {
        long before = storage.requests();
        long start = System.nanoTime();
        operation.get();
        return new long[] {storage.requests() - before, (System.nanoTime() - start) / 1_000_000};
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
