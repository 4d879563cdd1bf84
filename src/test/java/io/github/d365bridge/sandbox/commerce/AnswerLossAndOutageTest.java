package io.github.d365bridge.sandbox.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;

/**
 * Write-back calls carried out whose answer is lost (connection reset, proxy 502) and the outage window:
 * what the bridge's order write-back must survive, each on its own.
 */
class AnswerLossAndOutageTest {

    private static CommerceSandbox sandbox;
    private static SandboxClient client;
    private static int orderId;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(3).build());
        client = new SandboxClient(sandbox);
        orderId = sandbox.data().orders().get(0).get("entity_id").asInt();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void clear() {
        sandbox.faults().clear();
        sandbox.faults().resetCalls();
    }

    @Test
    void aCommentWhoseAnswerIsResetIsSavedAllTheSame() {
        sandbox.faults().add(FaultRule.next(1, "POST /V1/orders/{id}/comments", FaultKind.ANSWER_LOST_RESET));
        int before = histories();
        assertThatThrownBy(() -> comment("lost answer")).isInstanceOf(AssertionError.class)
                .hasCauseInstanceOf(java.io.IOException.class);
        assertThat(histories()).isEqualTo(before + 1);
        assertThat(comment("answered").status()).as("only the next call").isEqualTo(200);
        assertThat(sandbox.faults().injected()).containsEntry("answerLost", 1L)
                .containsEntry("answerLost.POST /V1/orders/{id}/comments", 1L);
    }

    @Test
    void anExtOrderIdWriteWhoseAnswerIsA502IsSavedAllTheSame() {
        sandbox.faults().add(FaultRule.next(1, "POST /V1/orders", FaultKind.ANSWER_LOST_BAD_GATEWAY));
        SandboxClient.Exchange answer = client.post("/rest/default/V1/orders", Map.of("entity", wholeOrder("SO-LOST-502")));
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.responseBody()).contains("502 Bad Gateway");
        assertThat(sandbox.data().order(orderId).orElseThrow().get("ext_order_id").asText()).isEqualTo("SO-LOST-502");
        assertThat(sandbox.faults().injected()).containsEntry("answerLost", 1L);
    }

    @Test
    void aWriteThatFailsOnItsOwnHasNoAnswerToLoseAndIsNotCounted() {
        sandbox.faults().add(FaultRule.always("POST /V1/orders/{id}/comments", FaultKind.ANSWER_LOST_BAD_GATEWAY));
        SandboxClient.Exchange refused = client.post("/rest/default/V1/orders/999999/comments",
                Map.of("statusHistory", Map.of("comment", "no such order", "is_customer_notified", 0,
                        "is_visible_on_front", 0, "parent_id", 999999)));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(sandbox.faults().injected()).doesNotContainKey("answerLost");
    }

    @Test
    void aShareOfAnswersIsLostBySeededDraw() {
        sandbox.faults().add(FaultRule.always("POST /V1/orders/{id}/comments", FaultKind.ANSWER_LOST_BAD_GATEWAY)
                .withPercent(50));
        int before = histories();
        long lost = 0;
        for (int i = 0; i < 40; i++) {
            lost += comment("share " + i).status() == 502 ? 1 : 0;
        }
        assertThat(lost).isBetween(8L, 32L);
        assertThat(histories()).as("every call was carried out").isEqualTo(before + 40);
        assertThat(sandbox.faults().injected()).containsEntry("answerLost", lost);
    }

    @Test
    void duringAnOutageEveryConnectionIsDroppedAndAfterwardsCallsAreAnswered() {
        sandbox.faults().outage().startNow(Duration.ofMillis(800));
        assertThatThrownBy(() -> client.get("/rest/default/V1/orders/" + orderId)).isInstanceOf(AssertionError.class)
                .hasCauseInstanceOf(java.io.IOException.class);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> client.get("/rest/default/V1/orders/" + orderId).status() == 200);
        assertThat(sandbox.faults().injected().get("outage")).isPositive();
    }

    @Test
    void theControlApiSchedulesAnOutageAndReportsInjectedFaults() throws Exception {
        java.net.http.HttpResponse<String> scheduled = control("POST", "/_sandbox/outage",
                "{\"startInMs\":60000,\"lengthMs\":1000}");
        assertThat(scheduled.statusCode()).isEqualTo(200);
        assertThat(sandbox.faults().outage().active()).as("not yet").isFalse();
        sandbox.faults().add(FaultRule.next(1, "GET /V1/orders/{id}", FaultKind.THROTTLE));
        assertThat(client.get("/rest/default/V1/orders/" + orderId).status()).isEqualTo(429);
        assertThat(control("GET", "/_sandbox/injected", null).body()).isEqualTo("{\"throttle\":1}");
    }

    private static java.net.http.HttpResponse<String> control(String method, String path, String body) throws Exception {
        return SandboxClient.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.baseUrl() + path))
                .header("x-sandbox-key", sandbox.options().controlKey()).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static SandboxClient.Exchange comment(String text) {
        return client.post("/rest/default/V1/orders/" + orderId + "/comments",
                Map.of("statusHistory", Map.of("comment", text, "is_customer_notified", 0, "is_visible_on_front", 0,
                        "parent_id", orderId)));
    }

    /** The order save with the fields the contract requires, each with the order's own value. */
    private static Map<String, Object> wholeOrder(String extOrderId) {
        JsonNode order = sandbox.data().order(orderId).orElseThrow();
        java.util.List<Map<String, Object>> items = new java.util.ArrayList<>();
        order.withArray("items").forEach(i -> items.add(Map.of("item_id", i.get("item_id").asLong(), "sku",
                i.get("sku").asText())));
        return Map.of("entity_id", orderId, "increment_id", order.get("increment_id").asText(), "ext_order_id", extOrderId,
                "base_grand_total", order.get("base_grand_total").decimalValue(), "grand_total",
                order.get("grand_total").decimalValue(), "customer_email", order.get("customer_email").asText(),
                "items", items);
    }

    private static int histories() {
        JsonNode order = sandbox.data().order(orderId).orElseThrow();
        return order.path("status_histories").size();
    }
}
