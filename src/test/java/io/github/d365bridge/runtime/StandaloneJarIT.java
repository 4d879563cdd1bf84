package io.github.d365bridge.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.flow.orders.intake.IntakeQueue;
import io.github.d365bridge.flow.orders.intake.SignedRequests;
import io.github.d365bridge.sandbox.commerce.orders.EventSigner;
import io.github.d365bridge.storage.EmbeddedAzurite;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeProcess;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged runner jar, started as a container would start it (prod profile,
 * {@code BRIDGE_RUNTIME_STANDALONE=true}, storage, operator key and webhook key from the environment),
 * serves the same HTTP routes as under the Functions host on {@code quarkus.http.port}: the Commerce
 * webhook intake (signature checked, order on the intake queue of a real Azurite) and the operator
 * endpoints (key checked); a taken port fails the start with the reason. The intake queue is paused in the
 * bridge so the order waits there for the test.
 */
class StandaloneJarIT {

    private static final String INTAKE_QUEUE = "bridge-order-intake";
    private static final String ORDER_SAVED = "observer.sales_order_save_after";
    private static final KeyPair STORE_KEY = EventSigner.generate();
    private static final KeyPair OTHER_KEY = EventSigner.generate();
    /** Made per run, handed to the bridge as an environment variable only. */
    private static final String OPS_KEY = randomKey();

    private static EmbeddedAzurite azurite;
    private static BridgeProcess bridge;
    private static IntakeQueue intake;
    private static int nextOrder = 1;

    @BeforeAll
    static void startAzuriteAndTheJar() {
        azurite = EmbeddedAzurite.start("node_modules/.bin/azurite", Path.of("target/azurite-standalone-jar"), true, 0, 0, 0);
        bridge = BridgeProcess.builder().name("standalone-jar-it")
                .env("BRIDGE_STORAGE_CONNECTION_STRING", azurite.connectionString())
                .env("BRIDGE_OPS_KEY", OPS_KEY)
                .env("BRIDGE_INTAKE_WEBHOOK_PUBLIC_KEY", EventSigner.pem(STORE_KEY.getPublic()))
                .env("BRIDGE_RUNTIME_PAUSED_QUEUES", INTAKE_QUEUE)
                .jvmArg("-Xmx256m")
                .start();
        intake = new IntakeQueue(new StorageAccount(azurite.connectionString()), INTAKE_QUEUE);
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (bridge != null) {
                bridge.close();
            }
        } finally {
            if (azurite != null) {
                azurite.close();
            }
        }
    }

    @BeforeEach
    void emptyIntakeQueue() {
        intake.take();
    }

    @Test
    void aSignedWebhookIsAnsweredAndItsOrderWaitsOnTheIntakeQueue() {
        String incrementId = newIncrementId();
        byte[] body = SignedRequests.webhookBody(ORDER_SAVED, SignedRequests.order(nextOrder, incrementId, 1));

        webhook(STORE_KEY, body, body).then().statusCode(200).body("op", equalTo("success"));

        MessageEnvelope message = awaitOneMessage();
        assertThat(message.type()).isEqualTo(OrderReceived.MESSAGE_TYPE);
        assertThat(message.businessKey()).isEqualTo("default:" + incrementId);
        assertThat(payload(message).source()).isEqualTo("webhook");
    }

    @Test
    void aBadlySignedWebhookIsRefusedAndEnqueuesNothing() {
        byte[] body = SignedRequests.webhookBody(ORDER_SAVED, SignedRequests.order(nextOrder, newIncrementId(), 1));
        byte[] tampered = SignedRequests.webhookBody(ORDER_SAVED, SignedRequests.order(nextOrder, newIncrementId(), 1));

        webhook(OTHER_KEY, body, body).then().statusCode(401);
        webhook(STORE_KEY, body, tampered).then().statusCode(401);
        http().contentType("application/json").body(body).post("/intake/commerce/webhook").then().statusCode(401);

        // 401 is answered before anything is enqueued, so the queue can be read at once
        assertThat(intake.take()).isEmpty();
    }

    @Test
    void operatorHealthNeedsTheOperatorKey() {
        http().header("X-Ops-Key", OPS_KEY).get("/ops/health").then().statusCode(200).body("status", equalTo("UP"));
        http().get("/ops/health").then().statusCode(401);
        http().header("X-Ops-Key", randomKey()).get("/ops/health").then().statusCode(401);
    }

    @Test
    void afterAKillTheRestartedJarServesAgainOnTheSameStorageAndPort() {
        String incrementId = newIncrementId();
        byte[] body = SignedRequests.webhookBody(ORDER_SAVED, SignedRequests.order(nextOrder, incrementId, 1));
        webhook(STORE_KEY, body, body).then().statusCode(200);
        long firstPid = bridge.pid();

        bridge.kill();
        assertThat(bridge.isAlive()).isFalse();
        bridge.restart();

        assertThat(bridge.pid()).isNotEqualTo(firstPid);
        http().header("X-Ops-Key", OPS_KEY).get("/ops/health").then().statusCode(200);
        assertThat(awaitOneMessage().businessKey()).isEqualTo("default:" + incrementId);
    }

    @Test
    void aTakenPortFailsTheStartNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BridgeProcess.Builder second = BridgeProcess.builder().name("standalone-jar-it-port-taken")
                    .env("BRIDGE_STORAGE_CONNECTION_STRING", azurite.connectionString())
                    .env("BRIDGE_OPS_KEY", OPS_KEY)
                    .env("BRIDGE_RUNTIME_PAUSED_QUEUES", INTAKE_QUEUE)
                    .httpPort(taken.getLocalPort()).jvmArg("-Xmx256m");

            assertThatThrownBy(second::start).hasMessageContaining("exited during start-up")
                    .hasMessageContaining("Could not listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("quarkus.http.port");
        }
    }

    private static RequestSpecification http() {
        return given().baseUri(bridge.baseUri().toString());
    }

    private static io.restassured.response.Response webhook(KeyPair key, byte[] signedBody, byte[] sentBody) {
        return http().contentType("application/json")
                .header("x-adobe-commerce-webhook-signature", EventSigner.sign(key, signedBody))
                .body(sentBody).post("/intake/commerce/webhook");
    }

    /** The one message a test caused; none may follow it. */
    private static MessageEnvelope awaitOneMessage() {
        List<MessageEnvelope> taken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            taken.addAll(intake.take());
            return !taken.isEmpty();
        });
        taken.addAll(intake.take());
        assertThat(taken).hasSize(1);
        return taken.get(0);
    }

    private static OrderReceived payload(MessageEnvelope message) {
        try {
            return Json.mapper().treeToValue(message.payload(), OrderReceived.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("payload is not an OrderReceived: " + message.payload(), e);
        }
    }

    private static synchronized String newIncrementId() {
        return Integer.toString(100000000 + nextOrder++);
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
