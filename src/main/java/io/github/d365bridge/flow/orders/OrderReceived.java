package io.github.d365bridge.flow.orders;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Payload of an {@code order.received} message on {@code ORDER_INTAKE_QUEUE}: a Commerce order seen by a
 * webhook, an I/O Event or the polling safety net. It names the order only; the processing step reads
 * the order itself from Commerce, so every source leads to the same data. The envelope's business key
 * is the {@link OrderKey} ({@code <store code>:<increment id>}).
 *
 * @param storeCode   Commerce store view code (from {@code store_id} via {@code bridge.commerce.store-codes})
 * @param incrementId the order number customers see
 * @param entityId    Commerce {@code entity_id}, to read and write back the order
 * @param source      {@code webhook}, {@code io-event} or {@code poll}
 * @param updatedAt   the order's {@code updated_at} as Commerce sent it ({@code YYYY-MM-DD HH:MM:SS}, UTC)
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderReceived(String storeCode, String incrementId, Long entityId, String source, String updatedAt) {

    public static final String MESSAGE_TYPE = "order.received";
    /** App setting naming the intake queue. */
    public static final String QUEUE_SETTING = "ORDER_INTAKE_QUEUE";

    public OrderKey key() {
        return new OrderKey(storeCode, incrementId);
    }
}
