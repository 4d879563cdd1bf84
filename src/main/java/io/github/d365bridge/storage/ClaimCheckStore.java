package io.github.d365bridge.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;

import io.github.d365bridge.config.StorageConfig;

/**
 * Holds message bodies too large for a queue message. Blobs are named by the day they were written and
 * the message id ({@code yyyy/MM/dd/<id>.json}) and are never deleted by the consumer (a redelivered
 * message still needs its body); housekeeping removes them after the retention period. Because the
 * names start with the day, a listing returns them oldest first and the sweep stops at the first one
 * still kept: its cost follows what expires, not what is kept.
 * <p>
 * A poisoned message may wait for an operator far longer than the retention, and a replay must still
 * find its body: the dispatcher {@linkplain #hold holds} it, which copies it under {@code held/}. Those
 * names sort after every day, so the day-ordered sweep never reaches them; {@link #get} falls back to the
 * held copy once the original has expired, and the copy is released with the poisoned message's failure
 * entry.
 */
@ApplicationScoped
public class ClaimCheckStore {

    static final String HELD_PREFIX = "held/";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final Pattern DAY_NAME = Pattern.compile("\\d{4}/\\d{2}/\\d{2}/.+");

    private final StorageAccount storage;
    private final String containerName;

    @Inject
    public ClaimCheckStore(StorageAccount storage, StorageConfig config) {
        this(storage, config.claimCheckContainer());
    }

    public ClaimCheckStore(StorageAccount storage, String containerName) {
        this.storage = storage;
        this.containerName = containerName;
    }

    /** Stores {@code body} and returns the blob name to put in the envelope. */
    public String put(String messageId, byte[] body) {
        String name = DAY.format(Instant.now()) + "/" + messageId + ".json";
        container().getBlobClient(name).upload(BinaryData.fromBytes(body), true);
        return name;
    }

    /** The body of {@code blobName}, from its held copy once the original has expired. */
    public byte[] get(String blobName) {
        return find(blobName).orElseThrow(() -> new PoisonMessageException("Claim-check blob '" + blobName
                + "' in container '" + containerName + "' does not exist (deleted by housekeeping or never written)"));
    }

    /**
     * Keeps the body of a message that is being poisoned for as long as its failure entry lives, whatever the
     * retention: the held copy is (re)written, so its ETag is this hold's. Empty when the body is gone already
     * (the message is poisoned for exactly that reason).
     */
    public Optional<HeldPayload> hold(String blobName) {
        Optional<byte[]> body = find(blobName);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        var held = container().getBlobClient(HELD_PREFIX + blobName)
                .uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(body.get())), null, null);
        return Optional.of(new HeldPayload(blobName, held.getValue().getETag()));
    }

    /**
     * Deletes the held copy, unless a later hold rewrote it (the message was replayed and poisoned again:
     * its newer failure entry owns the copy now). Deleting what is gone is a no-op.
     */
    public void release(HeldPayload held) {
        try {
            container().getBlobClient(HELD_PREFIX + held.blobName()).deleteWithResponse(DeleteSnapshotsOptionType.INCLUDE,
                    new BlobRequestConditions().setIfMatch(held.etag()), null, null);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 404 && e.getStatusCode() != 412) {
                throw e;
            }
        }
    }

    /**
     * Deletes up to {@code limit} blobs written on a day before the day of {@code cutoff} (so a blob is kept
     * for at least the retention and at most one day longer); returns how many. Lists oldest first and stops
     * at the first blob still kept.
     */
    public int deleteWrittenBefore(Instant cutoff, int limit) {
        String firstKeptDay = DAY.format(cutoff);
        List<String> doomed = new ArrayList<>();
        ListBlobsOptions oldestFirst = new ListBlobsOptions().setMaxResultsPerPage(Math.min(limit, 5000));
        for (BlobItem item : container().listBlobs(oldestFirst, null)) {
            if (item.getName().compareTo(firstKeptDay) >= 0 || doomed.size() >= limit) {
                break; // names are day-ordered: everything from here on is kept
            }
            if (DAY_NAME.matcher(item.getName()).matches()) {
                doomed.add(item.getName()); // anything else sorting before the days is not ours to delete
            }
        }
        for (String name : doomed) {
            container().getBlobClient(name).deleteIfExists();
        }
        return doomed.size();
    }

    private Optional<byte[]> find(String blobName) {
        Optional<byte[]> original = download(blobName);
        return original.isPresent() ? original : download(HELD_PREFIX + blobName);
    }

    private Optional<byte[]> download(String name) {
        return Blobs.download(container().getBlobClient(name));
    }

    private BlobContainerClient container() {
        return storage.container(containerName);
    }
}
