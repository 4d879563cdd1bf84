package io.github.d365bridge.client.commerce.sales;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A tracking number on an existing shipment ({@code sales-data-shipment-track-interface}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentTrack(
        @JsonProperty("entity_id") Long entityId,
        @JsonProperty("order_id") long orderId,
        @JsonProperty("parent_id") long parentId,
        @JsonProperty("track_number") String trackNumber,
        String title,
        @JsonProperty("carrier_code") String carrierCode,
        BigDecimal weight,
        BigDecimal qty,
        String description) {

    /** A new track for shipment {@code shipmentId} of order {@code orderId}; the required zero fields filled. */
    public static ShipmentTrack of(long orderId, long shipmentId, String trackNumber, String title, String carrierCode) {
        return new ShipmentTrack(null, orderId, shipmentId, trackNumber, title, carrierCode, BigDecimal.ZERO,
                BigDecimal.ZERO, "");
    }
}
