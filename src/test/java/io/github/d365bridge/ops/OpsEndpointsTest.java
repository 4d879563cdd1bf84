package io.github.d365bridge.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.d365bridge.runtime.QueueDispatcher;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.ScriptedHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Operator endpoints over real HTTP: key required, health of real storage, status and poison replay. */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class OpsEndpointsTest {

    @Inject
    QueuePublisher publisher;
    @Inject
    StorageAccount storage;
    @Inject
    ScriptedHandler handler;

    private String key;

    @BeforeEach
    void readGeneratedKey() throws Exception {
        key = Files.readString(Path.of("target/test-ops-key")).trim();
    }

    @Test
    void everyOperatorEndpointRefusesMissingOrWrongKey() {
        given().get("/ops/health").then().statusCode(401);
        given().header(OpsKeyFilter.HEADER, "wrong-key-wrong-key").get("/ops/status").then().statusCode(401);
        given().header(OpsKeyFilter.HEADER, key + "x").post("/ops/queues/test-scripted/replay-poison")
                .then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "ten", "1e3", "99999999999"})
    void replayPoisonRefusesAMaxOutsideItsBoundsNamingIt(String max) {
        given().header(OpsKeyFilter.HEADER, key).post("/ops/queues/test-scripted/replay-poison?max=" + max)
                .then().statusCode(400)
                .body("error", equalTo("max: must be an integer from 1 to 1000, got '" + max + "'"));
    }

    @Test
    void healthReportsEachStorageServiceOk() {
        given().header(OpsKeyFilter.HEADER, key).get("/ops/health").then().statusCode(200)
                .body("status", equalTo("UP")).body("storage.blob", equalTo("OK"))
                .body("storage.queue", equalTo("OK")).body("storage.table", equalTo("OK"));
    }

    @Test
    void statusShowsPoisonDepthAndFailureAndReplayBringsTheMessageBack() {
        MessageEnvelope bad = MessageEnvelope.of("test.scripted", "corr-replay",
                Json.mapper().createObjectNode().put("mode", "permanent")).withBusinessKey("usmf", "replay-me");
        publisher.send("test-scripted", bad);
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.deliveries("replay-me").size() == 1
                && poisonDepth() >= 1);
        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(3)).until(() -> true); // next second

        given().header(OpsKeyFilter.HEADER, key).get("/ops/status").then().statusCode(200)
                .body("queues.queue", hasItem("test-scripted"))
                .body("queues.find { it.queue == 'test-scripted' }.poisonDepth", greaterThanOrEqualTo(1))
                .body("openFailures.businessKey", hasItem("replay-me"));

        given().header(OpsKeyFilter.HEADER, key).post("/ops/queues/test-scripted/replay-poison?max=1000")
                .then().statusCode(200).body("replayed", greaterThanOrEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.deliveries("replay-me").size() >= 2);
        // It fails again and is poisoned again, but a replay never picks up what it poisoned itself.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        org.assertj.core.api.Assertions.assertThat(handler.deliveries("replay-me")).hasSize(2);

        given().header(OpsKeyFilter.HEADER, key).post("/ops/queues/no-such-queue/replay-poison")
                .then().statusCode(404);
    }

    private long poisonDepth() {
        return storage.queue(QueueDispatcher.poisonQueue("test-scripted")).getProperties()
                .getApproximateMessagesCount();
    }
}
