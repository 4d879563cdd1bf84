package io.github.d365bridge.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;

import io.github.d365bridge.config.StorageConfig;
import io.github.d365bridge.flow.housekeeping.SweepTarget;
import io.github.d365bridge.runtime.QueueDispatcher;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.BridgeTestProfile;
import io.github.d365bridge.testing.ScriptedHandler;
import io.github.d365bridge.testing.TestExecutionContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The @FunctionName adapters called the way the Functions host calls them (decoded message text,
 * binding metadata, an ExecutionContext): they decode, delegate and translate the outcome.
 */
@QuarkusTest
@TestProfile(BridgeTestProfile.class)
class FunctionAdaptersTest {

    @Inject
    QueueTriggerAdapter adapter;
    @Inject
    HousekeepingTimerFunction timerFunction;
    @Inject
    HousekeepingQueueFunction sweepFunction;
    @Inject
    ScriptedHandler handler;
    @Inject
    StorageAccount storage;
    @Inject
    StorageConfig storageConfig;
    @Inject
    ClaimCheckStore claimChecks;
    @Inject
    Instance<SweepTarget> sweepTargets;

    @Test
    void retriableFailureGoesBackWithADelayUntilItsRetriesAreUsedThenPoisonedAsFirstSent() {
        String text = EnvelopeCodec.encode(MessageEnvelope.of("test.scripted", "corr-adapter",
                Json.mapper().createObjectNode().put("mode", "fail")).withBusinessKey("usmf", "adapter-fail"));

        // no throw: the host deletes the delivery, a delayed copy (attempt 1) is already on the queue
        adapter.deliver("test-scripted", text, "host-msg-1", 1L, "2026-11-27T04:00:00+00:00");

        // the copies come back through the queue (pumped here as the host would) until the 4 retries of the
        // test profile are used up
        await().atMost(Duration.ofSeconds(30)).until(() -> peekPoison("test-scripted").contains(text));
        assertThat(handler.deliveries("adapter-fail")).hasSize(5);
        assertThat(handler.deliveries("adapter-fail").get(0).insertionTime())
                .isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
    }

    @Test
    void aFailureOnTheLastRetryIsPoisonedWithoutThrowing() {
        MessageEnvelope last = MessageEnvelope.of("test.scripted", "corr-adapter-last",
                Json.mapper().createObjectNode().put("mode", "fail")).withBusinessKey("usmf", "adapter-last")
                .withAttempt(4);

        adapter.deliver("test-scripted", EnvelopeCodec.encode(last), "host-msg-3", 1L, null);

        assertThat(handler.deliveries("adapter-last")).hasSize(1);
        assertThat(peekPoison("test-scripted")).contains(EnvelopeCodec.encode(last.withAttempt(0)));
    }

    @Test
    void housekeepingTimerAndSweepDeleteExpiredClaimChecksOnly() {
        BlobContainerClient container = storage.container(storageConfig.claimCheckContainer());
        // claim-check blobs expire by the day in their name (kept at least the retention, 2 s in the test profile)
        container.getBlobClient("2020/01/01/old.json").upload(BinaryData.fromString("{}"), true);
        String fresh = claimChecks.put("fresh", "{}".getBytes());

        timerFunction.run("{}", new TestExecutionContext("HousekeepingTimer"));

        // The timer only plans; the runtime's pump runs the sweep step like the host would.
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.getBlobClient("2020/01/01/old.json").exists());
        assertThat(container.getBlobClient(fresh).exists()).isTrue();
    }

    @Test
    void everyHousekeepingTargetIsWiredAndSweepsWithoutError() {
        assertThat(sweepTargets.stream().map(SweepTarget::name)).containsExactlyInAnyOrder("claim-check",
                "failure-log", "mapped-orders", "dmf-jobs", "package-files", "order-ledger", "sync-runs");
        // against the app's own (empty or nearly empty) containers and tables: each query is accepted
        sweepTargets.forEach(target -> assertThat(target.sweep(10)).as(target.name()).isGreaterThanOrEqualTo(0));
    }

    @Test
    void sweepFunctionRejectsAnUnknownTargetIntoPoison() {
        String text = EnvelopeCodec.encode(MessageEnvelope.of("housekeeping.sweep", "corr-unknown",
                Json.mapper().createObjectNode().put("target", "no-such-target")));

        sweepFunction.run(text, "host-msg-2", 1L, null, new TestExecutionContext("HousekeepingSweep"));

        assertThat(peekPoison("bridge-housekeeping")).contains(text);
    }

    private java.util.List<String> peekPoison(String queue) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        storage.queue(QueueDispatcher.poisonQueue(queue)).peekMessages(32, null, null)
                .forEach(m -> texts.add(m.getBody().toString()));
        return texts;
    }

}
