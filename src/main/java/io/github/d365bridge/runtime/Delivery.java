package io.github.d365bridge.runtime;

import java.time.Instant;

/**
 * What the trigger knows about one delivery of a queue message, the same under the Functions host
 * (binding metadata) and the standalone pump.
 *
 * @param queue         the queue name
 * @param messageId     the storage message id (stable across redeliveries)
 * @param dequeueCount  1 on the first delivery, then 2, 3, …
 * @param insertionTime when the message was first enqueued
 */
public record Delivery(String queue, String messageId, long dequeueCount, Instant insertionTime) {
}
