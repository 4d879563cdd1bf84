package io.github.d365bridge.storage;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;

import io.github.d365bridge.config.StorageConfig;

/**
 * Distributed locks as blob leases (e.g. one DMF import per entity and legal entity). A lease expires
 * by itself when its holder dies, so a crashed worker never blocks the others for longer than the
 * lease duration (15-60 s, renewed while the work goes on).
 */
@ApplicationScoped
public class BlobLeaseLocks {

    private final StorageAccount storage;
    private final String containerName;

    @Inject
    public BlobLeaseLocks(StorageAccount storage, StorageConfig config) {
        this(storage, config.locksContainer());
    }

    public BlobLeaseLocks(StorageAccount storage, String containerName) {
        this.storage = storage;
        this.containerName = containerName;
    }

    /** Takes the lock if nobody holds it; empty when it is held. */
    public Optional<Lease> tryAcquire(String lockName, Duration duration) {
        int seconds = (int) duration.toSeconds();
        if (seconds < 15 || seconds > 60) {
            throw new IllegalArgumentException("Lease duration must be 15-60 s, was " + duration);
        }
        BlobClient blob = storage.container(containerName).getBlobClient(lockName);
        ensureExists(blob);
        BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(blob).buildClient();
        try {
            lease.acquireLease(seconds);
            return Optional.of(new Lease(lockName, blob, lease));
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void ensureExists(BlobClient blob) {
        try {
            blob.uploadWithResponse(new com.azure.storage.blob.options.BlobParallelUploadOptions(BinaryData.fromString(""))
                    .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, null);
        } catch (BlobStorageException e) {
            // 409 BlobAlreadyExists, or 412 when it exists and is leased: both mean the lock blob is there.
            if (e.getStatusCode() != 409 && e.getStatusCode() != 412
                    && e.getErrorCode() != BlobErrorCode.LEASE_ID_MISSING) {
                throw e;
            }
        }
    }

    /** A held lock. Renew it while working; release it when done (or let it expire on a crash). */
    public static final class Lease implements AutoCloseable {
        private final String name;
        private final BlobClient blob;
        private final BlobLeaseClient client;

        private Lease(String name, BlobClient blob, BlobLeaseClient client) {
            this.name = name;
            this.blob = blob;
            this.client = client;
        }

        public String name() {
            return name;
        }

        public String leaseId() {
            return client.getLeaseId();
        }

        public void renew() {
            client.renewLease();
        }

        /**
         * A note kept on the lock blob (its metadata) that outlives the lease: what the last holder did, for
         * the next holder to read. Only a holder writes it, so reading and writing under the lease is safe.
         */
        public Optional<String> note(String key) {
            return Optional.ofNullable(blob.getProperties().getMetadata().get(key));
        }

        /** Writes a note ({@link #note(String)}); fails if the lease was lost meanwhile. */
        public void writeNote(String key, String value) {
            Map<String, String> metadata = new HashMap<>(blob.getProperties().getMetadata());
            metadata.put(key, value);
            blob.setMetadataWithResponse(metadata, new BlobRequestConditions().setLeaseId(client.getLeaseId()), null,
                    null);
        }

        @Override
        public void close() {
            try {
                client.releaseLease();
            } catch (BlobStorageException e) {
                // Already expired and maybe taken by another worker: nothing of ours to release.
                if (e.getStatusCode() != 409 && e.getStatusCode() != 412) {
                    throw e;
                }
            }
        }
    }
}
