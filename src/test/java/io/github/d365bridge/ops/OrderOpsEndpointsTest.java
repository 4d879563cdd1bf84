package io.github.d365bridge.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Failed orders are visible with their reason and can be replayed once, over real HTTP. */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class OrderOpsEndpointsTest {

    @Inject
    OrderLedger ledger;
    @Inject
    StorageAccount storage;

    private String key;

    @BeforeEach
    void readKey() throws Exception {
        key = Files.readString(Path.of("target/test-ops-key")).trim();
    }

    @Test
    void failedOrderIsListedWithItsReasonAndReplayedOnce() {
        OrderKey order = new OrderKey("default", "R-" + UUID.randomUUID().toString().substring(0, 8));
        ledger.insertReceived(order, 4242L, "corr-replay-order", "webhook");
        LedgerEntry received = ledger.find(order).orElseThrow();
        ledger.update(received.moveTo(OrderState.FAILED).withError("[D365] Customer account US-999 is on hold"));

        given().header(OpsKeyFilter.HEADER, key).get("/ops/orders?state=failed").then().statusCode(200)
                .body("key.incrementId", hasItem(order.incrementId()))
                .body("lastError", hasItem("[D365] Customer account US-999 is on hold"))
                .body("find { it.key.incrementId == '" + order.incrementId() + "' }.source", org.hamcrest.Matchers.equalTo("webhook"));
        given().header(OpsKeyFilter.HEADER, key).get("/ops/status").then().statusCode(200)
                .body("orders.FAILED", greaterThanOrEqualTo(1))
                .body("ordersBySource.webhook", greaterThanOrEqualTo(1))
                .body("latestFailedOrders.key.incrementId", hasItem(order.incrementId()));

        given().header(OpsKeyFilter.HEADER, key).post("/ops/orders/" + order + "/replay").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("RECEIVED"));
        assertThat(ledger.find(order).orElseThrow().state()).isEqualTo(OrderState.RECEIVED);
        assertThat(intakeMessages()).anySatisfy(m -> {
            assertThat(m.businessKey()).isEqualTo(order.toString());
            assertThat(m.correlationId()).isEqualTo("corr-replay-order");
            assertThat(m.payload().path("source").asText()).isEqualTo("replay");
        });

        given().header(OpsKeyFilter.HEADER, key).post("/ops/orders/" + order + "/replay").then().statusCode(409);
        given().header(OpsKeyFilter.HEADER, key).post("/ops/orders/default:NO-SUCH/replay").then().statusCode(404);
        given().header(OpsKeyFilter.HEADER, key).get("/ops/orders?state=LOST").then().statusCode(400);
        given().post("/ops/orders/" + order + "/replay").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-5", "many", "99999999999"})
    void ordersRefuseALimitOutsideItsBoundsNamingIt(String limit) {
        given().header(OpsKeyFilter.HEADER, key).get("/ops/orders?state=FAILED&limit=" + limit).then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("limit: must be an integer from 1 to 1000, got '"
                        + limit + "'"));
    }

    @Test
    void ordersAcceptTheBoundsOfTheirLimit() {
        given().header(OpsKeyFilter.HEADER, key).get("/ops/orders?limit=1").then().statusCode(200);
        given().header(OpsKeyFilter.HEADER, key).get("/ops/orders?limit=1000").then().statusCode(200);
    }

    @Test
    void aFailedOrderWhoseIncrementIdTableKeysCannotHoldIsReplayed() {
        String incrementId = "R/" + UUID.randomUUID().toString().substring(0, 8) + "\\#?\u0001\u007F\u0085%";
        OrderKey order = new OrderKey("default", incrementId);
        ledger.insertReceived(order, 4243L, "corr-hostile-order", "poll");
        ledger.update(ledger.find(order).orElseThrow().moveTo(OrderState.FAILED).withError("test"));

        given().urlEncodingEnabled(false).header(OpsKeyFilter.HEADER, key)
                .post("/ops/orders/" + pathSegment(order.toString()) + "/replay").then().statusCode(200)
                .body("key.incrementId", org.hamcrest.Matchers.equalTo(incrementId))
                .body("state", org.hamcrest.Matchers.equalTo("RECEIVED"));
        assertThat(intakeMessages()).anySatisfy(m -> assertThat(m.businessKey()).isEqualTo(order.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no-colon                | key: must be '<store code>:<increment id>'",
            "%3A000000042            | key: store code is empty",
            "default%3A              | key: increment id is empty",
            "default:%20%20          | key: increment id is empty",
            "default:123456789012345678901234567890123456789012345678901 | key: increment id is longer than 50"})
    void aMalformedOrderKeyIsRefusedNamingIt(String path, String problem) {
        given().urlEncodingEnabled(false).header(OpsKeyFilter.HEADER, key).post("/ops/orders/" + path + "/replay")
                .then().statusCode(400).body("error", org.hamcrest.Matchers.startsWith(problem));
    }

    @Test
    void anUnknownOrderWithAnyCharactersIsNotFound() {
        given().urlEncodingEnabled(false).header(OpsKeyFilter.HEADER, key)
                .post("/ops/orders/" + pathSegment("default:NO/SUCH#?\u0000%") + "/replay").then().statusCode(404);
    }

    /** Percent-encodes everything but unreserved characters, as a client puts any text into one path segment. */
    private static String pathSegment(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~:".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append(String.format("%%%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private List<MessageEnvelope> intakeMessages() {
        List<MessageEnvelope> messages = new ArrayList<>();
        storage.queue("bridge-order-intake").peekMessages(32, null, null)
                .forEach(m -> messages.add(EnvelopeCodec.decode(m.getBody().toString())));
        return messages;
    }
}
