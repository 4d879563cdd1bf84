package io.github.d365bridge.sandbox.commerce.orders;

/** One delivery attempt, for tests: which order, which channel, the answer's status (or -1). */
public record Delivery(int orderId, String channel, String eventId, int attempt, int status) {
}
