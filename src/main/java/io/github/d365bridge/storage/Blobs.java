package io.github.d365bridge.storage;

import java.util.Optional;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;

/** Small blob operations several stores share. */
public final class Blobs {

    private Blobs() {
    }

    /** The blob's content, or empty when it does not exist; any other failure is thrown. */
    public static Optional<byte[]> download(BlobClient blob) {
        try {
            return Optional.of(blob.downloadContent().toBytes());
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND || e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
