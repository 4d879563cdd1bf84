package io.github.d365bridge.flow.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;

/**
 * Queue step on {@code SYNC_QUEUE}: the snapshot, one page, or the removal step of one legal entity of a sync
 * run.
 */
@ApplicationScoped
public class SyncStepHandler implements QueueHandler {

    @Inject
    Provider<SyncEngine> engine;

    @Override
    public String queueSetting() {
        return SyncBeans.QUEUE_SETTING;
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        JsonNode p = envelope.payload();
        String flow = text(p, "flow");
        String runId = text(p, "runId");
        String legalEntity = text(p, "legalEntity");
        if (flow.isEmpty() || runId.isEmpty() || legalEntity.isEmpty()) {
            throw new PoisonMessageException("Sync step " + envelope.type() + " needs flow, runId and legalEntity");
        }
        if (!engine.get().hasFlow(flow)) {
            throw new PoisonMessageException("Sync step for flow '" + flow + "', which this bridge does not run");
        }
        switch (envelope.type()) {
            case SyncBeans.PAGE -> {
                if (p.path("page").isMissingNode() || !p.path("page").canConvertToInt() || p.path("page").asInt() < 0) {
                    throw new PoisonMessageException("Sync page step of " + flow + " run " + runId + " has no page number");
                }
                engine.get().page(flow, runId, legalEntity, p.path("page").asInt());
            }
            case SyncBeans.REMOVALS -> engine.get().removals(flow, runId, legalEntity);
            case SyncBeans.PREPARE -> engine.get().prepare(flow, runId, legalEntity);
            default -> throw new PoisonMessageException("Expected " + SyncBeans.PREPARE + ", " + SyncBeans.PAGE + " or "
                    + SyncBeans.REMOVALS
                    + ", got " + envelope.type());
        }
    }

    private static String text(JsonNode payload, String field) {
        return payload == null ? "" : payload.path(field).asText("");
    }
}
