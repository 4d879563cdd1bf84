package io.github.d365bridge.flow.orders.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.SilenceableProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Storage stops answering while a store delivers a signed webhook: the intake must answer 503 within
 * its queue retry (one try of 2 s here), so the store resends, and the resent delivery is enqueued once
 * Storage is back. Nothing was acknowledged that is not on the queue.
 */
@QuarkusTest
@TestProfile(StorageOutageProfile.class)
class CommerceIntakeStorageOutageTest {

    private static final String WEBHOOK = "/intake/commerce/webhook";

    @InjectCommerceSandbox
    CommerceSandbox sandbox;
    SilenceableProxy storageQueues;
    @Inject
    StorageAccount storage;
    @ConfigProperty(name = OrderReceived.QUEUE_SETTING)
    String intakeQueue;

    @AfterEach
    void storageAnswersAgain() {
        storageQueues.answering(true);
    }

    @Test
    void aWebhookThatCannotBeQueuedIs503AndItsRetryIsQueuedOnceStorageIsBack() {
        SignedRequests signed = new SignedRequests(sandbox);
        byte[] body = SignedRequests.webhookBody("observer.sales_order_save_after",
                SignedRequests.order(9070, "R000009070", 1));
        // a first delivery while Storage answers: the intake queue exists and the client's connections are pooled
        signed.webhook(body, body).post(WEBHOOK).then().statusCode(200);
        IntakeQueue queue = new IntakeQueue(storage, intakeQueue);
        assertThat(queue.take()).hasSize(1);

        storageQueues.answering(false);
        Instant sent = Instant.now();
        signed.webhook(body, body).post(WEBHOOK).then().statusCode(503)
                .body("error", containsString("could not be queued; retry later"));
        assertThat(Duration.between(sent, Instant.now())).as("one try of at most 2 s").isLessThan(Duration.ofSeconds(10));

        storageQueues.answering(true);
        signed.webhook(body, body).post(WEBHOOK).then().statusCode(200); // the store's retry
        List<MessageEnvelope> taken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> taken.addAll(queue.take()) || !taken.isEmpty());
        assertThat(taken).extracting(MessageEnvelope::businessKey).containsExactly("default:R000009070");
    }
}
