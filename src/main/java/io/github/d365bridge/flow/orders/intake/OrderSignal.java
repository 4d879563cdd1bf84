package io.github.d365bridge.flow.orders.intake;

/**
 * One order named by a webhook or event, before its store id is mapped to a store code.
 *
 * @param eventName  the Commerce event name without the I/O Events prefix, e.g. {@code observer.sales_order_save_after}
 * @param eventId    the I/O Events id (becomes the correlation id); null for Commerce webhooks
 * @param storeId    Commerce {@code store_id}, as text
 * @param incrementId the order number
 * @param entityId   Commerce {@code entity_id}
 * @param updatedAt  {@code updated_at} as sent, or null
 */
public record OrderSignal(String eventName, String eventId, String storeId, String incrementId, long entityId,
        String updatedAt) {
}
