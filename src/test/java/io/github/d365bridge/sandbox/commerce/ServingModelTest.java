package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.commerce.http.CallStats;
import io.github.d365bridge.sandbox.commerce.http.WorkerPool;

/**
 * The latency model and the PHP worker cap a benchmark runs against, and the counters it reports
 * from. Lower time bounds are exact (the sandbox waits at least that long); upper bounds are loose,
 * for a loaded machine.
 */
class ServingModelTest {

    private static long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static List<Object> customers(int count) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("customer", Map.of("email", "lat" + i + "@example.com", "firstname", "L", "lastname", "T")));
        }
        return items;
    }

    @Test
    void everyCallTakesTheFixedPartAndBulksOneMorePartPerElement() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .latency(Duration.ofMillis(150), Duration.ZERO).bulkConsumerPaused(true)
                .routeLatency("POST /async/bulk/V1/customers", Duration.ofMillis(20), Duration.ofMillis(3)).build())) {
            SandboxClient client = new SandboxClient(sandbox);
            assertThat(millis(() -> client.get("/rest/V1/customers/1"))).isBetween(150L, 2_000L);
            assertThat(millis(() -> client.post("/rest/default/async/bulk/V1/customers", customers(1))))
                    .as("a route of its own").isLessThan(150L);
            assertThat(millis(() -> client.post("/rest/default/async/bulk/V1/customers", customers(100))))
                    .isBetween(20L + 300L, 3_000L);
        }
    }

    @Test
    void callsBeyondThePhpWorkersWaitForOneToFinish() throws Exception {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .latency(Duration.ofMillis(200), Duration.ZERO).phpWorkers(2).build())) {
            SandboxClient client = new SandboxClient(sandbox);
            long capped = millis(() -> parallel(client, 6));
            WorkerPool.Usage usage = sandbox.workers().usage();
            assertThat(capped).as("three rounds of two").isBetween(600L, 3_000L);
            assertThat(usage.maxBusy()).isEqualTo(2);
            assertThat(usage.queued()).isGreaterThanOrEqualTo(4);
            assertThat(usage.busy()).isZero();

            sandbox.workers().size(0);
            assertThat(millis(() -> parallel(client, 6))).as("no cap: one round").isLessThan(600L);
        }
    }

    private static void parallel(SandboxClient client, int calls) {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(pool.submit(() -> client.get("/rest/V1/customers/" + 1).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsAndWritesAreCountedPerRouteInJavaAndThroughTheControlEndpoint() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.defaults())) {
            SandboxClient client = new SandboxClient(sandbox);
            client.get("/rest/V1/customers/1");
            client.get("/rest/V1/customers/2");
            client.get("/rest/V1/customers/search?searchCriteria[pageSize]=1");
            client.post("/rest/V1/customers", Map.of("customer", Map.of("email", "count@example.com", "firstname", "C",
                    "lastname", "D")));
            client.post("/rest/default/async/bulk/V1/customers", customers(3));
            client.get("/rest/V1/no/such/route");

            CallStats stats = sandbox.stats();
            assertThat(stats.reads()).containsEntry("GET /V1/customers/{customerId}", 2L)
                    .containsEntry("GET /V1/customers/search", 1L).containsEntry(CallStats.NO_ROUTE, 1L);
            assertThat(stats.writes()).containsEntry("POST /V1/customers", 1L)
                    .containsEntry("POST /async/bulk/V1/customers", 1L);
            assertThat(stats.totalWrites()).isEqualTo(2);
            assertThat(stats.totalReads()).isEqualTo(4);
            assertThat(stats.items("POST /async/bulk/V1/customers")).isEqualTo(3);

            JsonNode viaControl = client.control("GET", "/_sandbox/stats", null);
            assertThat(viaControl.at("/writes/POST ~1async~1bulk~1V1~1customers").asLong()).isEqualTo(1);
            assertThat(viaControl.at("/totals/reads").asLong()).isEqualTo(4);
            assertThat(viaControl.at("/items/POST ~1async~1bulk~1V1~1customers").asLong()).isEqualTo(3);
            assertThat(viaControl.at("/workers/size").asInt()).as("no cap by default").isZero();
            assertThat(viaControl.at("/workers/maxBusy").asInt()).isPositive();
            assertThat(client.control("DELETE", "/_sandbox/stats", null).at("/totals/writes").asLong()).isZero();
            assertThat(stats.totalReads()).isZero();

            JsonNode latency = client.control("POST", "/_sandbox/latency", Map.of("fixedMs", 120, "workers", 3,
                    "routes", List.of(Map.of("route", "GET /V1/customers/search", "fixedMs", 0))));
            assertThat(latency.at("/defaults/fixedMs").asLong()).isEqualTo(120);
            assertThat(latency.get("workers").asInt()).isEqualTo(3);
            assertThat(millis(() -> client.get("/rest/V1/customers/1"))).isGreaterThanOrEqualTo(120L);
            assertThat(millis(() -> client.get("/rest/V1/customers/search?searchCriteria[pageSize]=1"))).isLessThan(120L);
            JsonNode paused = client.control("POST", "/_sandbox/bulk/pause", Map.of("paused", true));
            assertThat(paused.get("paused").asBoolean()).isTrue();
            assertThat(sandbox.bulkConsumer().paused()).isTrue();
        }
    }
}
