package io.github.d365bridge.sandbox.commerce.orders;

/**
 * How placements reach the intake.
 *
 * @param copies               deliveries per order, 1-3 (Commerce and I/O Events deliver at least once)
 * @param outOfOrder           deliver a batch in a seeded shuffled order instead of placement order
 * @param neverDeliverPercent  share of orders never delivered at all, only visible to polling
 * @param webhook              send signed Commerce webhooks (when a webhook URL is configured)
 * @param ioEvents             send signed Adobe I/O Events (when an I/O Events URL is configured)
 */
public record DeliveryPolicy(int copies, boolean outOfOrder, int neverDeliverPercent, boolean webhook, boolean ioEvents) {

    public DeliveryPolicy {
        if (copies < 1 || copies > 3) {
            throw new IllegalArgumentException("copies must be 1-3");
        }
        if (neverDeliverPercent < 0 || neverDeliverPercent > 100) {
            throw new IllegalArgumentException("neverDeliverPercent must be 0-100");
        }
    }

    public static DeliveryPolicy once() {
        return new DeliveryPolicy(1, false, 0, true, true);
    }
}
