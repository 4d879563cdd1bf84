package io.github.d365bridge.storage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;

import io.github.d365bridge.config.StorageConfig;

/**
 * Holds message bodies too large for a queue message. Blobs are named by date and message id and are
 * never deleted by the consumer (a redelivered message still needs its body); housekeeping removes
 * them after the retention period.
 */
@ApplicationScoped
public class ClaimCheckStore {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

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

    public byte[] get(String blobName) {
        try {
            return container().getBlobClient(blobName).downloadContent().toBytes();
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                throw new PoisonMessageException("Claim-check blob '" + blobName + "' in container '" + containerName
                        + "' does not exist (deleted by housekeeping or never written)", e);
            }
            throw e;
        }
    }

    /** Deletes up to {@code limit} blobs last modified before {@code cutoff}; returns how many. */
    public int deleteOlderThan(Instant cutoff, int limit) {
        List<String> doomed = new ArrayList<>();
        for (BlobItem item : container().listBlobs(new ListBlobsOptions().setMaxResultsPerPage(Math.min(limit, 5000)),
                null)) {
            OffsetDateTime modified = item.getProperties().getLastModified();
            if (modified != null && modified.toInstant().isBefore(cutoff)) {
                doomed.add(item.getName());
                if (doomed.size() >= limit) {
                    break;
                }
            }
        }
        for (String name : doomed) {
            container().getBlobClient(name).deleteIfExists();
        }
        return doomed.size();
    }

    private BlobContainerClient container() {
        return storage.container(containerName);
    }
}
