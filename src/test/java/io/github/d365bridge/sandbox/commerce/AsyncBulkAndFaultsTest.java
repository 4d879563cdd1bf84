package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.commerce.SandboxClient.Exchange;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults.BulkFailure;

class AsyncBulkAndFaultsTest {

    private static List<Object> products(int count) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("sku", "BULK-" + i, "product", Map.of("sku", "BULK-" + i, "name", "Bulk " + i, "price", 1 + i,
                    "attribute_set_id", 4, "type_id", "simple")));
        }
        return items;
    }

    @Test
    void thousandItemBulkShowsInjectedFailuresAndRejectionsInDetailedStatus() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().bulkOperationPace(Duration.ZERO).build())) {
            sandbox.faults().failBulkItems(BulkFailure.RETRIABLE, List.of(10, 11, 12))
                    .failBulkItems(BulkFailure.PERMANENT, List.of(20, 21));
            SandboxClient client = new SandboxClient(sandbox);
            List<Object> items = products(1000);
            items.set(999, "not an object");
            Exchange accepted = client.put("/rest/all/async/bulk/V1/products/bySku", items);
            assertThat(accepted.status()).isEqualTo(202);
            JsonNode body = accepted.json();
            assertThat(body.get("errors").asBoolean()).isTrue();
            assertThat(body.get("request_items")).hasSize(1000);
            assertThat(body.get("request_items").get(0).get("status").asText()).isEqualTo("accepted");
            assertThat(body.get("request_items").get(999).get("status").asText()).isEqualTo("rejected");
            String uuid = body.get("bulk_uuid").asText();

            await().atMost(Duration.ofSeconds(60)).until(() ->
                    client.get("/rest/V1/bulk/" + uuid + "/operation-status/4").json().asInt() == 0);
            assertThat(client.get("/rest/V1/bulk/" + uuid + "/operation-status/1").json().asInt()).isEqualTo(994);
            assertThat(client.get("/rest/V1/bulk/" + uuid + "/operation-status/2").json().asInt()).isEqualTo(3);
            assertThat(client.get("/rest/V1/bulk/" + uuid + "/operation-status/3").json().asInt()).isEqualTo(2);
            assertThat(client.get("/rest/V1/bulk/" + uuid + "/operation-status/5").json().asInt()).isEqualTo(1);
            JsonNode detailed = client.get("/rest/V1/bulk/" + uuid + "/detailed-status").json();
            assertThat(detailed.get("operation_count").asInt()).isEqualTo(1000);
            JsonNode op10 = detailed.get("operations_list").get(10);
            assertThat(op10.get("status").asInt()).isEqualTo(2);
            assertThat(op10.get("serialized_data").asText()).contains("BULK-10");
            assertThat(detailed.get("operations_list").get(0).get("result_serialized_data").asText()).contains("\"sku\":\"BULK-0\"");
            assertThat(sandbox.data().product("BULK-500", "all")).isPresent();
            assertThat(sandbox.data().product("BULK-20", "all")).isEmpty();
        }
    }

    @Test
    void pausedConsumerLeavesOperationsOpenUntilResumed() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().bulkConsumerPaused(true).build())) {
            SandboxClient client = new SandboxClient(sandbox);
            String uuid = client.post("/rest/all/async/bulk/V1/products", products(5)).json().get("bulk_uuid").asText();
            JsonNode status = client.get("/rest/V1/bulk/" + uuid + "/status").json();
            assertThat(status.get("operations_list")).allSatisfy(op -> assertThat(op.get("status").asInt()).isEqualTo(4));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> client.get("/rest/V1/bulk/" + uuid + "/operation-status/4").json().asInt() == 5);
            sandbox.bulkConsumer().pause(false);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.get("/rest/V1/bulk/" + uuid + "/operation-status/1").json().asInt() == 5);
            assertThat(client.get("/rest/V1/bulk/00000000-0000-0000-0000-000000000000/status").status()).isEqualTo(404);
        }
    }

    @Test
    void injectedFaultsAnswerLikeCommerceAndItsProxyAndCallsAreCounted() {
        try (CommerceSandbox sandbox = CommerceSandbox.start(CommerceSandboxOptions.defaults())) {
            SandboxClient client = new SandboxClient(sandbox);
            sandbox.faults().add(FaultRule.next(1, "GET /V1/orders", FaultKind.THROTTLE).withRetryAfter(2))
                    .add(FaultRule.next(1, "GET /V1/orders", FaultKind.THROTTLE))
                    .add(FaultRule.next(1, "GET /V1/orders", FaultKind.SERVER_ERROR))
                    .add(FaultRule.next(1, "GET /V1/orders", FaultKind.BAD_GATEWAY))
                    .add(FaultRule.next(1, "GET /V1/orders", FaultKind.UNAVAILABLE).withRetryAfter(5))
                    .add(FaultRule.next(1, "GET /V1/orders", FaultKind.LATENCY).withLatency(Duration.ofMillis(300)));
            Exchange throttled = client.get("/rest/V1/orders");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.responseBody()).isEqualTo("{\"message\":\"Too Many Requests\",\"trace\":null}");
            assertThat(throttled.header("Retry-After")).isEqualTo("2");
            Exchange bare = client.get("/rest/V1/orders");
            assertThat(bare.status()).isEqualTo(429);
            assertThat(bare.header("Retry-After")).isNull();
            Exchange error = client.get("/rest/V1/orders");
            assertThat(error.status()).isEqualTo(500);
            assertThat(error.json().get("message").asText())
                    .matches("Internal Error\\. Details are available in Magento log file\\. Report ID: webapi-[0-9a-f]{13}");
            assertThat(client.get("/rest/V1/orders").status()).isEqualTo(502);
            assertThat(client.get("/rest/V1/orders").header("Retry-After")).isEqualTo("5");
            long start = System.nanoTime();
            assertThat(client.get("/rest/V1/orders").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(client.get("/rest/V1/orders").status()).isEqualTo(200);
            assertThat(sandbox.faults().calls("GET /V1/orders")).isEqualTo(7);

            sandbox.faults().add(FaultRule.always("*", FaultKind.THROTTLE).withPercent(50));
            long throttledShare = IntStream.range(0, 40).filter(i -> client.get("/rest/V1/products/SB-SIMPLE-001").status() == 429).count();
            assertThat(throttledShare).isBetween(8L, 32L);

            Exchange control = SandboxClient.class.cast(client).send("GET", "/_sandbox/faults", null);
            assertThat(control.status()).isEqualTo(401);
        }
    }
}
