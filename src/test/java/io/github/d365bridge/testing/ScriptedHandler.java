package io.github.d365bridge.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.runtime.Delivery;
import io.github.d365bridge.runtime.QueueHandler;
import io.github.d365bridge.storage.MessageEnvelope;

/**
 * A test handler that does what its message says ({@code mode}: ok, fail, permanent) and records every
 * delivery it saw, so tests can assert what the runtime did: dequeue counts, payloads, poison moves.
 */
@ApplicationScoped
public class ScriptedHandler implements QueueHandler {

    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    private final Map<String, MessageEnvelope> lastEnvelope = new ConcurrentHashMap<>();

    @Override
    public String queueSetting() {
        return "TEST_SCRIPTED_QUEUE";
    }

    @Override
    public void handle(MessageEnvelope envelope, Delivery delivery) {
        String key = envelope.businessKey();
        deliveries.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(delivery);
        lastEnvelope.put(key, envelope);
        String mode = envelope.payload() == null ? "ok" : envelope.payload().path("mode").asText("ok");
        switch (mode) {
            case "fail" -> throw BridgeException.builder(ExternalSystem.D365, "scripted transient failure for " + key)
                    .httpStatus(503).build();
            case "permanent" -> throw new PermanentFailureException(ExternalSystem.D365,
                    "scripted permanent failure for " + key);
            default -> {
            }
        }
    }

    public List<Delivery> deliveries(String key) {
        return deliveries.getOrDefault(key, List.of());
    }

    public MessageEnvelope lastEnvelope(String key) {
        return lastEnvelope.get(key);
    }
}
