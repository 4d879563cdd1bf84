package io.github.d365bridge.sandbox.d365;

import static io.github.d365bridge.sandbox.d365.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.sandbox.d365.dmf.DmfTestAccess;
import io.github.d365bridge.testing.TestAzurite;

/** Injected faults (programmatic and through /_sandbox/faults) and the per-path call counters. */
class SandboxFaultsTest {

    private static D365Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = D365Sandbox.start(SandboxHttp.options()
                .storageConnectionString(TestAzurite.storage().connectionString())
                .dmfContainer(TestAzurite.uniqueName("dmf")).build());
        http = new SandboxHttp(sandbox);
        http.token();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void throttlingAnswers429WithAndWithoutRetryAfter() {
        sandbox.faults().throttle(100, 7);
        HttpResponse<String> with = http.get("/data/CustomersV3?$top=1");
        assertThat(with.statusCode()).isEqualTo(429);
        assertThat(with.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(with.body()).get("error").get("message").asText()).contains("Rate limit");
        sandbox.faults().throttle(100, null);
        HttpResponse<String> without = http.get("/data/CustomersV3?$top=1");
        assertThat(without.statusCode()).isEqualTo(429);
        assertThat(without.headers().firstValue("Retry-After")).isEmpty();
        assertThat(http.dmf("GetExecutionSummaryStatus", "{\"executionId\":\"x\"}").statusCode())
                .as("DMF is exempt from service protection").isEqualTo(400);
    }

    @Test
    void percentagesAreApproximatelyHonouredAndRepeatable() {
        sandbox.faults().serverErrors(30, 500);
        int errors = 0;
        for (int i = 0; i < 100; i++) {
            int status = http.get("/data/ProductsV2?$top=1").statusCode();
            assertThat(status).isIn(200, 500);
            errors += status == 500 ? 1 : 0;
        }
        assertThat(errors).isBetween(15, 45);
        assertThat(sandbox.faults().calls("/data/ProductsV2")).isEqualTo(100);
    }

    @Test
    void failNextGivesAnExactNumberOfFaults() {
        sandbox.faults().failNext(2, 503, null);
        assertThat(List.of(http.get("/data/ProductsV2?$top=1").statusCode(), http.get("/data/ProductsV2?$top=1").statusCode(),
                http.get("/data/ProductsV2?$top=1").statusCode())).containsExactly(503, 503, 200);
    }

    @Test
    void droppedConnectionsCloseWithoutAnswer() {
        sandbox.faults().dropConnections(100);
        assertThatThrownBy(() -> http.get("/data/CustomersV3?$top=1")).isInstanceOf(UncheckedIOException.class);
        sandbox.faults().clear();
        assertThat(http.get("/data/CustomersV3?$top=1").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyIsAdded() {
        sandbox.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(http.get("/data/CustomersV3?$top=1").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void stuckDmfJobsStayExecuting() {
        sandbox.faults().stuckDmfJobs(true);
        String executionId = DmfTestAccess.importOrders(http);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> json(http.dmf(
                "GetExecutionSummaryStatus", "{\"executionId\":\"" + executionId + "\"}").body()).get("value").asText()
                .equals("Executing"));
        long normalRun = sandbox.options().dmfFixedLatency().toMillis() * 3;
        org.awaitility.Awaitility.await().during(Duration.ofMillis(normalRun)).atMost(Duration.ofMillis(normalRun + 2000))
                .until(() -> json(http.dmf("GetExecutionSummaryStatus", "{\"executionId\":\"" + executionId + "\"}")
                        .body()).get("value").asText().equals("Executing"));
    }

    @Test
    void controlEndpointsNeedTheKeyAndDriveTheSameFaults() {
        HttpResponse<String> noKey = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sandbox.baseUrl() + "/_sandbox/counters")).GET());
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(http.control("POST", "/_sandbox/faults", "{\"throttlePercent\":100,\"retryAfterSeconds\":3}").statusCode())
                .isEqualTo(204);
        assertThat(http.get("/data/CustomersV3").headers().firstValue("Retry-After")).hasValue("3");
        assertThat(http.control("DELETE", "/_sandbox/faults", null).statusCode()).isEqualTo(204);
        assertThat(http.get("/data/CustomersV3").statusCode()).isEqualTo(200);
        assertThat(json(http.control("GET", "/_sandbox/counters", null).body()).get("/data/CustomersV3").asInt()).isEqualTo(2);
        assertThat(http.control("POST", "/_sandbox/faults", "{\"failNext\":{\"count\":1,\"status\":500}}").statusCode())
                .isEqualTo(204);
        assertThat(http.get("/data/CustomersV3").statusCode()).isEqualTo(500);
        assertThat(http.control("POST", "/_sandbox/reset", null).statusCode()).isEqualTo(204);
        assertThat(json(http.control("GET", "/_sandbox/counters", null).body()).size()).isZero();
    }
}
