package io.github.d365bridge.flow.sync;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.ground.Correlation;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.runtime.HandlerRegistry;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;

/** Wires the sync engine: its tables, its queue steps and every flow that runs on it. */
@ApplicationScoped
public class SyncBeans {

    /** App setting naming the queue of the sync steps ({@link SyncStepHandler}). */
    public static final String QUEUE_SETTING = "SYNC_QUEUE";
    static final String PAGE = "sync.page";
    static final String REMOVALS = "sync.removals";
    static final String PREPARE = "sync.prepare";

    @Produces
    @Singleton
    SyncStateStore state(StorageAccount storage, SyncConfig config) {
        return new SyncStateStore(storage, config.stateTable());
    }

    @Produces
    @Singleton
    SyncRunStore runs(StorageAccount storage, SyncConfig config) {
        return new SyncRunStore(storage, config.runsTable());
    }

    @Produces
    @Singleton
    SnapshotStore snapshots(StorageAccount storage, SyncConfig config) {
        return new SnapshotStore(storage, config.snapshotContainer());
    }

    @Produces
    @Singleton
    SyncSteps steps(QueuePublisher publisher, Config settings) {
        String queue = HandlerRegistry.setting(settings, QUEUE_SETTING);
        return new SyncSteps() {
            @Override
            public void prepare(String flow, String runId, String legalEntity, java.time.Duration delay) {
                send(PREPARE, flow, runId, legalEntity, -1, delay);
            }

            @Override
            public void page(String flow, String runId, String legalEntity, int page) {
                send(PAGE, flow, runId, legalEntity, page, java.time.Duration.ZERO);
            }

            @Override
            public void removals(String flow, String runId, String legalEntity) {
                send(REMOVALS, flow, runId, legalEntity, -1, java.time.Duration.ZERO);
            }

            private void send(String type, String flow, String runId, String legalEntity, int page,
                    java.time.Duration delay) {
                var payload = Json.mapper().createObjectNode().put("flow", flow).put("runId", runId)
                        .put("legalEntity", legalEntity);
                if (page >= 0) {
                    payload.put("page", page);
                }
                publisher.send(queue, MessageEnvelope.of(type, Correlation.currentOrNew(), payload)
                        .withBusinessKey(legalEntity, flow + ":" + runId), delay);
            }
        };
    }

    @Produces
    @Singleton
    SyncEngine engine(SyncStateStore state, SyncRunStore runs, SyncSteps steps, Instance<SyncFlow<?>> flows,
            SyncConfig config) {
        List<SyncFlow<?>> all = flows.stream().toList();
        return new SyncEngine(state, runs, steps, all, config.stallAfter(), Clock.systemUTC());
    }
}
