package io.github.d365bridge.flow.orders.batch;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.azure.core.util.BinaryData;

import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.mapping.MappedOrder;
import io.github.d365bridge.storage.Json;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.storage.StorageAccount;

/**
 * Mapped orders between mapping and packaging, one blob each (an order with many lines is larger than a
 * table property may be). Overwriting is harmless: mapping the same order again gives the same rows.
 */
public final class MappedOrderStore {

    private final StorageAccount storage;
    private final String container;

    public MappedOrderStore(StorageAccount storage, String container) {
        this.storage = storage;
        this.container = container;
    }

    public void put(MappedOrder order) {
        try {
            storage.container(container).getBlobClient(name(order.orderKey()))
                    .upload(BinaryData.fromBytes(Json.mapper().writeValueAsBytes(order)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Mapped order " + order.orderKey() + " cannot be stored", e);
        }
    }

    /** The mapped rows, or empty when the blob is gone (the order must be read and mapped again). */
    public java.util.Optional<MappedOrder> find(OrderKey key) {
        var blob = storage.container(container).getBlobClient(name(key));
        try {
            return java.util.Optional.of(Json.mapper().readValue(blob.downloadContent().toBytes(), MappedOrder.class));
        } catch (com.azure.storage.blob.models.BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return java.util.Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new PoisonMessageException("Mapped order " + key + " cannot be read back", e);
        }
    }

    public MappedOrder get(OrderKey key) {
        var blob = storage.container(container).getBlobClient(name(key));
        if (!blob.exists()) {
            throw new PoisonMessageException("Mapped order " + key + " is missing from container " + container);
        }
        try {
            return Json.mapper().readValue(blob.downloadContent().toBytes(), MappedOrder.class);
        } catch (IOException e) {
            throw new PoisonMessageException("Mapped order " + key + " cannot be read back", e);
        }
    }

    private static String name(OrderKey key) {
        return key.storeCode() + "/" + key.incrementId() + ".json";
    }
}
