package io.github.d365bridge.storage;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One poisoned message and the reason, as shown in the status view.
 *
 * @param queue             the queue it failed on (its copy is in {@code <queue>-poison})
 * @param poisonMessageId   id of the copy in the poison queue, the key a replay settles
 * @param originalMessageId id it had on {@code queue}
 */
@RegisterForReflection
public record FailureRecord(String queue, String poisonMessageId, String originalMessageId, String messageType, String correlationId,
        String businessKey, long dequeueCount, String reason, Instant failedAt) {
}
