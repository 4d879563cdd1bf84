package io.github.d365bridge.runtime;

import io.github.d365bridge.storage.MessageEnvelope;

/**
 * One step of a flow, fed by one queue. Implementations are CDI beans and do not know whether the
 * Functions host or the standalone pump delivers to them. A handler must be idempotent: delivery is
 * at-least-once. Throwing means "not done": the message comes back after the visibility timeout, or
 * goes to {@code <queue>-poison} when the failure is permanent or the deliveries are used up.
 */
public interface QueueHandler {

    /** The app setting that names this handler's queue, e.g. {@code HOUSEKEEPING_QUEUE}. */
    String queueSetting();

    void handle(MessageEnvelope envelope, Delivery delivery);
}
