package io.github.d365bridge.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import com.azure.storage.queue.models.QueueMessageItem;

import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncSteps;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.StorageAccount;

/**
 * Drives a sync run that reads DMF exports, as the queues would: every sync step delivered twice (a redelivered
 * message), and the DMF status checks taken from their real queue on Azurite once visible (a check that throws
 * comes back after its visibility timeout, as on the host). Shared by the flows' export tests.
 */
public final class ExportStepDriver {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final Supplier<SyncEngine> engine;
    private final Supplier<DmfJobSupervisor> supervisor;
    private final StorageAccount storage;
    private final String statusQueue;

    public ExportStepDriver(Supplier<SyncEngine> engine, Supplier<DmfJobSupervisor> supervisor, StorageAccount storage,
            String statusQueue) {
        this.engine = engine;
        this.supervisor = supervisor;
        this.storage = storage;
        this.statusQueue = statusQueue;
    }

    /** The sync queue: steps are held until {@link #untilFinished} runs them. */
    public SyncSteps steps() {
        return new SyncSteps() {
            @Override
            public void prepare(String flow, String runId, String legalEntity, Duration delay) {
                steps.add(() -> engine.get().prepare(flow, runId, legalEntity));
            }

            @Override
            public void page(String flow, String runId, String legalEntity, int page) {
                steps.add(() -> engine.get().page(flow, runId, legalEntity, page));
            }

            @Override
            public void removals(String flow, String runId, String legalEntity) {
                steps.add(() -> engine.get().removals(flow, runId, legalEntity));
            }
        };
    }

    /** Runs steps (each twice) and delivers status checks until the flow has no current run and no step is left. */
    public void untilFinished(String flow) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            while (!steps.isEmpty()) {
                Runnable step = steps.poll();
                step.run();
                step.run();
            }
            deliverVisibleChecks();
            return engine.get().current(flow).isEmpty() && steps.isEmpty();
        });
    }

    private void deliverVisibleChecks() {
        for (QueueMessageItem message : storage.queue(statusQueue).receiveMessages(16, Duration.ofSeconds(2), null, null)) {
            MessageEnvelope check = EnvelopeCodec.decode(message.getBody().toString());
            try {
                supervisor.get().check(check.payload().path("legalEntity").asText(),
                        check.payload().path("executionId").asText());
            } catch (RuntimeException failed) {
                continue; // comes back after its visibility timeout
            }
            storage.queue(statusQueue).deleteMessage(message.getMessageId(), message.getPopReceipt());
        }
    }
}
