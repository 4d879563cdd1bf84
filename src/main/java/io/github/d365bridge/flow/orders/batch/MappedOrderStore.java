package io.github.d365bridge.flow.orders.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.options.FindBlobsOptions;

import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.mapping.MappedOrder;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.PoisonMessageException;
import io.github.d365bridge.storage.StorageAccount;

/**
 * Mapped orders between mapping and packaging, one blob each (an order with many lines is larger than a
 * table property may be), named by the order ({@code <store code>/<increment id>.json}) because every step
 * finds them by the order key. Overwriting is harmless: mapping the same order again gives the same rows.
 * <p>
 * Each blob carries the day it was written as a blob index tag ({@value #WRITTEN_ON_TAG}, {@code yyyy-MM-dd}),
 * set by the upload itself: housekeeping finds the expired ones by that tag, at a cost that follows what
 * expires rather than what the container holds, without the name having to carry a date the steps do not
 * know.
 */
public final class MappedOrderStore {

    static final String WRITTEN_ON_TAG = "writtenOn";

    private final StorageAccount storage;
    private final String container;
    private final Clock clock;

    public MappedOrderStore(StorageAccount storage, String container) {
        this(storage, container, Clock.systemUTC());
    }

    /** @param clock the day a written blob is tagged with */
    public MappedOrderStore(StorageAccount storage, String container, Clock clock) {
        this.storage = storage;
        this.container = container;
        this.clock = clock;
    }

    public void put(MappedOrder order) {
        try {
            blob(order.orderKey()).uploadWithResponse(new BlobParallelUploadOptions(
                    BinaryData.fromBytes(Json.mapper().writeValueAsBytes(order))).setTags(writtenOn(today())), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Mapped order " + order.orderKey() + " cannot be stored", e);
        }
    }

    /** The mapped rows, or empty when the blob is gone (the order must be read and mapped again). */
    public Optional<MappedOrder> find(OrderKey key) {
        try {
            return Optional.of(Json.mapper().readValue(blob(key).downloadContent().toBytes(), MappedOrder.class));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new PoisonMessageException("Mapped order " + key + " cannot be read back", e);
        }
    }

    public MappedOrder get(OrderKey key) {
        BlobClient blob = blob(key);
        if (!blob.exists()) {
            throw new PoisonMessageException("Mapped order " + key + " is missing from container " + container);
        }
        try {
            return Json.mapper().readValue(blob.downloadContent().toBytes(), MappedOrder.class);
        } catch (IOException e) {
            throw new PoisonMessageException("Mapped order " + key + " cannot be read back", e);
        }
    }

    /** Up to {@code limit} orders whose rows were written (or last kept) before {@code day}, found by their tag. */
    public List<OrderKey> writtenBefore(LocalDate day, int limit) {
        return storage.container(container)
                .findBlobsByTags(new FindBlobsOptions(writtenBeforeQuery(day)).setMaxResultsPerPage(Math.min(limit, 5000)), null, null)
                .stream().limit(limit).map(item -> keyOf(item.getName())).flatMap(Optional::stream).toList();
    }

    /**
     * Deletes the rows of {@code key} if they still carry a day before {@code day} (the delete is conditional on
     * the tag): rows written again after housekeeping found them (the order was replayed and mapped anew)
     * carry today and stay. True when they were deleted or already gone.
     */
    public boolean deleteIfWrittenBefore(OrderKey key, LocalDate day) {
        try {
            blob(key).deleteWithResponse(DeleteSnapshotsOptionType.INCLUDE,
                    new BlobRequestConditions().setTagsConditions(writtenBeforeQuery(day)), null, null);
            return true;
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 404) {
                return true;
            }
            if (e.getStatusCode() == 412) {
                return false;
            }
            throw e;
        }
    }

    /** Tags the rows of {@code key} as written today, so they are looked at again only after a retention. */
    public void keep(OrderKey key) {
        try {
            blob(key).setTags(writtenOn(today()));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 404) { // gone meanwhile: nothing to keep
                throw e;
            }
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    /** Tag values compare as text; ISO days order as dates. */
    private static String writtenBeforeQuery(LocalDate day) {
        return "\"" + WRITTEN_ON_TAG + "\" < '" + day + "'";
    }

    private static Map<String, String> writtenOn(LocalDate day) {
        return Map.of(WRITTEN_ON_TAG, day.toString());
    }

    private BlobClient blob(OrderKey key) {
        return storage.container(container).getBlobClient(name(key));
    }

    private static String name(OrderKey key) {
        return key.storeCode() + "/" + key.incrementId() + ".json";
    }

    /** The order a blob name belongs to; empty for a blob that is no mapped order (store codes hold no '/'). */
    private static Optional<OrderKey> keyOf(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0 || !name.endsWith(".json") || name.length() - ".json".length() <= slash + 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OrderKey(name.substring(0, slash), name.substring(slash + 1,
                    name.length() - ".json".length())));
        } catch (IllegalArgumentException notAnOrder) {
            return Optional.empty();
        }
    }
}
