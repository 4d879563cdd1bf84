package io.github.d365bridge.client.commerce.sales;

import java.util.Map;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;

/** Shipments ({@code POST /V1/order/{id}/ship}) and tracking numbers ({@code POST /V1/shipment/track}). */
public final class ShipmentClient {

    private final CommerceHttp http;
    private final String store;

    public ShipmentClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** Ships the given lines; returns the new shipment's entity id. */
    public long ship(long orderId, ShipmentRequest request) {
        return http.execute(CommerceRequest.of("POST", store, CommerceRequest.path("order/{}/ship", orderId),
                "shipments.create").record("order " + orderId).json(request), CommerceAnswers.id());
    }

    /** Adds a tracking number to an existing shipment; returns the saved track. */
    public ShipmentTrack addTrack(ShipmentTrack track) {
        return http.execute(CommerceRequest.of("POST", store, "shipment/track", "shipments.track")
                .record("shipment " + track.parentId()).json(Map.of("entity", track)),
                CommerceAnswers.as(ShipmentTrack.class));
    }
}
