package io.github.d365bridge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.azure.core.util.BinaryData;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.config.StorageConfig;
import io.github.d365bridge.flow.housekeeping.FailureLogSweep;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.FailureLog;
import io.github.d365bridge.storage.FailureRecord;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.ScriptedHandler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The Functions host queue semantics, reproduced by the standalone runtime, against real Azurite:
 * retries with increasing dequeue counts, poison after maxDequeueCount with the content intact, base64
 * on the wire in both directions, claim-checked payloads.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class QueueSemanticsTest {

    private static final String QUEUE = "test-scripted";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    QueuePublisher publisher;
    @Inject
    StorageAccount storage;
    @Inject
    ScriptedHandler handler;
    @Inject
    FailureLog failures;
    @Inject
    ClaimCheckStore claimChecks;
    @Inject
    StorageConfig storageConfig;

    @Test
    void failingHandlerIsRetriedWithGrowingDelaysThenPoisonedAsFirstSent() {
        MessageEnvelope sent = envelope("always-fails", "fail");
        long begin = System.nanoTime();
        publisher.send(QUEUE, sent);
        String sentText = EnvelopeCodec.encode(sent);

        // test profile: 4 retries, 1 s doubling to a 2 s cap; each retry is a new copy (dequeue count 1)
        await().atMost(WAIT).until(() -> poisonTexts().contains(sentText));
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("the retries waited 1 + 2 + 2 + 2 s")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(handler.deliveries("always-fails")).hasSize(5).extracting(Delivery::dequeueCount).containsOnly(1L);
        // The poison copy is written before the failure record: the record may follow a moment later.
        FailureRecord failure = await().atMost(Duration.ofSeconds(5)).until(() -> failures.open(500).stream()
                .filter(f -> "always-fails".equals(f.businessKey())).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(failure.reason()).contains("Still failing after 4 retries")
                .contains("scripted transient failure for always-fails").contains("503");
        assertThat(failure.correlationId()).isEqualTo(sent.correlationId());
    }

    @Test
    void permanentFailureGoesToPoisonOnFirstDelivery() {
        MessageEnvelope sent = envelope("bad-data", "permanent");
        publisher.send(QUEUE, sent);

        await().atMost(WAIT).until(() -> poisonTexts().contains(EnvelopeCodec.encode(sent)));
        assertThat(handler.deliveries("bad-data")).extracting(Delivery::dequeueCount).containsExactly(1L);
    }

    @Test
    void unparseableAndUnknownVersionMessagesArePoisonedWithAReason() {
        publisher.sendRaw(QUEUE, "this is {not json", Duration.ZERO);
        String futureVersion = EnvelopeCodec.encode(envelope("v9", "ok")).replace("\"schemaVersion\":1",
                "\"schemaVersion\":9");
        publisher.sendRaw(QUEUE, futureVersion, Duration.ZERO);

        await().atMost(WAIT).until(() -> poisonTexts().containsAll(List.of("this is {not json", futureVersion)));
        assertThat(handler.deliveries("v9")).isEmpty();
        assertThat(failures.open(500)).extracting(FailureRecord::reason)
                .anySatisfy(r -> assertThat(r).contains("not valid JSON"))
                .anySatisfy(r -> assertThat(r).contains("schemaVersion 9 is not supported"));
    }

    @Test
    void messageWrittenByOurPublisherIsBase64OnTheWire() {
        String queue = "interop-out";
        MessageEnvelope sent = envelope("interop-out", "ok");
        publisher.send(queue, sent);

        QueueMessageItem raw = rawClient(queue).receiveMessage();
        String decoded = new String(Base64.getDecoder().decode(raw.getBody().toString()), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(EnvelopeCodec.encode(sent));
    }

    @Test
    void base64MessageFromAnotherWriterReachesTheHandler() {
        MessageEnvelope sent = envelope("interop-in", "ok");
        String base64 = Base64.getEncoder()
                .encodeToString(EnvelopeCodec.encode(sent).getBytes(StandardCharsets.UTF_8));
        rawClient(QUEUE).sendMessage(BinaryData.fromString(base64));

        await().atMost(WAIT).until(() -> !handler.deliveries("interop-in").isEmpty());
        assertThat(handler.lastEnvelope("interop-in").payload()).isEqualTo(sent.payload());
    }

    @Test
    void plainTextMessageThatIsNotBase64IsPoisonedNotStuck() {
        rawClient(QUEUE).sendMessage(BinaryData.fromString("plain text: not base64!"));

        await().atMost(WAIT).until(() -> failures.open(500).stream()
                .anyMatch(f -> f.reason().contains("not base64 encoded")));
    }

    @Test
    void largePayloadTravelsThroughClaimCheckAndArrivesWhole() {
        ObjectNode payload = Json.mapper().createObjectNode().put("mode", "ok");
        payload.put("blob", "x".repeat(200_000));
        MessageEnvelope sent = MessageEnvelope.of("test.scripted", "corr-large", payload)
                .withBusinessKey(null, "large");

        MessageEnvelope onQueue = publisher.send(QUEUE, sent, Duration.ZERO);

        assertThat(onQueue.payloadBlob()).isNotNull();
        assertThat(EnvelopeCodec.encode(onQueue).length()).isLessThan(2_000);
        await().atMost(WAIT).until(() -> !handler.deliveries("large").isEmpty());
        assertThat(handler.lastEnvelope("large").payload()).isEqualTo(payload);
    }

    @Test
    void aPoisonedLargeMessageKeepsItsBodyPastTheClaimCheckRetentionUntilItsFailureEntryGoes() {
        ObjectNode payload = Json.mapper().createObjectNode().put("mode", "permanent");
        payload.put("blob", "y".repeat(100_000));
        MessageEnvelope onQueue = publisher.send(QUEUE, MessageEnvelope.of("test.scripted", "corr-held", payload)
                .withBusinessKey(null, "large-poisoned"), Duration.ZERO);
        await().atMost(WAIT).until(() -> poisonTexts().contains(EnvelopeCodec.encode(onQueue)));

        // the claim-check sweep deletes the original when its day has expired; a replay still finds the body
        storage.container(storageConfig.claimCheckContainer()).getBlobClient(onQueue.payloadBlob()).delete();
        assertThat(publisher.withPayloadLoaded(onQueue).payload()).isEqualTo(payload);

        // replayed (finished) and past the state retention, the failure entry goes and the held body with it
        FailureRecord failure = failures.open(500).stream().filter(f -> "large-poisoned".equals(f.businessKey()))
                .findFirst().orElseThrow();
        failures.markFinished(QUEUE, failure.poisonMessageId());
        FailureLogSweep aDayLater = new FailureLogSweep(failures, claimChecks, Duration.ofSeconds(2),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));
        assertThat(aDayLater.sweep(1000)).isPositive();
        assertThatThrownBy(() -> publisher.withPayloadLoaded(onQueue)).isInstanceOf(PoisonMessageException.class);
    }

    private List<String> poisonTexts() {
        List<String> texts = new ArrayList<>();
        storage.queue(QueueDispatcher.poisonQueue(QUEUE)).peekMessages(32, null, null)
                .forEach(m -> texts.add(m.getBody().toString()));
        return texts;
    }

    private QueueClient rawClient(String queue) {
        QueueClient client = new QueueClientBuilder().connectionString(storage.connectionString()).queueName(queue)
                .buildClient();
        client.createIfNotExists();
        return client;
    }

    private static MessageEnvelope envelope(String key, String mode) {
        return MessageEnvelope.of("test.scripted", "corr-" + key, Json.mapper().createObjectNode().put("mode", mode))
                .withBusinessKey("usmf", key);
    }
}
