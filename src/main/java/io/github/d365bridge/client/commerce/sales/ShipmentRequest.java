package io.github.d365bridge.client.commerce.sales;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /V1/order/{orderId}/ship}. With MSI the source the goods left from goes into
 * {@code arguments.extension_attributes.source_code}; without it Commerce picks the default source.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentRequest(List<LineQuantity> items, @JsonProperty("notify") boolean notifyCustomer,
        List<Track> tracks, Map<String, Object> arguments) {

    public static ShipmentRequest of(List<LineQuantity> items, List<Track> tracks, String sourceCode, boolean notify) {
        Map<String, Object> arguments = sourceCode == null ? null
                : Map.of("extension_attributes", Map.of("source_code", sourceCode));
        return new ShipmentRequest(List.copyOf(items), notify, List.copyOf(tracks), arguments);
    }

    /** {@code sales-data-shipment-track-creation-interface}. */
    public record Track(@JsonProperty("track_number") String trackNumber, String title,
            @JsonProperty("carrier_code") String carrierCode) {
    }
}
