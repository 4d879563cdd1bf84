package io.github.d365bridge.flow.dmf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.PoisonMessageException;

/** Queue step on {@code DMF_STATUS_QUEUE}: one status check of a running DMF job. */
@ApplicationScoped
public class DmfStatusCheckHandler implements QueueHandler {

    @Inject
    Provider<DmfJobSupervisor> supervisor;

    @Override
    public String queueSetting() {
        return DmfBeans.STATUS_QUEUE_SETTING;
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        String legalEntity = envelope.payload() == null ? "" : envelope.payload().path("legalEntity").asText("");
        String executionId = envelope.payload() == null ? "" : envelope.payload().path("executionId").asText("");
        if (!DmfJobSupervisor.CHECK_MESSAGE_TYPE.equals(envelope.type()) || legalEntity.isEmpty()
                || executionId.isEmpty()) {
            throw new PoisonMessageException("Expected " + DmfJobSupervisor.CHECK_MESSAGE_TYPE
                    + " with legalEntity and executionId, got " + envelope.type());
        }
        supervisor.get().check(legalEntity, executionId);
    }
}
