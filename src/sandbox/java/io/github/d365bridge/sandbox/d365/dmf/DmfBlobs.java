package io.github.d365bridge.sandbox.d365.dmf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;

/**
 * The DMF blob container (on Azurite in tests): SAS URLs for upload and download, with the short,
 * configurable lifetime of D365's (about 35 minutes on a real tenant).
 */
public final class DmfBlobs {

    private final BlobContainerClient container;
    private final Duration sasLifetime;
    private final java.util.function.BooleanSupplier expireWriteUrlNow;

    /**
     * @param expireWriteUrlNow asked for each write URL; true hands out one that has already expired
     *                          (fault injection: an upload that got delayed past the SAS lifetime)
     */
    public DmfBlobs(String connectionString, String containerName, Duration sasLifetime,
            java.util.function.BooleanSupplier expireWriteUrlNow) {
        this.expireWriteUrlNow = expireWriteUrlNow;
        this.container = new BlobServiceClientBuilder().connectionString(connectionString).buildClient()
                .getBlobContainerClient(containerName);
        this.container.createIfNotExists();
        this.sasLifetime = sasLifetime;
    }

    /** A URL that allows creating and writing this one blob until the SAS expires. */
    public String writeUrl(String blobName) {
        BlobSasPermission permission = new BlobSasPermission().setCreatePermission(true).setWritePermission(true);
        return expireWriteUrlNow.getAsBoolean() ? sasUrl(blobName, permission, OffsetDateTime.now().minusMinutes(1))
                : sasUrl(blobName, permission);
    }

    /** A URL that allows reading this one blob until the SAS expires (plain GET, no bearer). */
    public String readUrl(String blobName) {
        return sasUrl(blobName, new BlobSasPermission().setReadPermission(true));
    }

    private String sasUrl(String blobName, BlobSasPermission permission) {
        return sasUrl(blobName, permission, OffsetDateTime.now().plus(sasLifetime));
    }

    private String sasUrl(String blobName, BlobSasPermission permission, OffsetDateTime expiry) {
        BlobClient blob = container.getBlobClient(blobName);
        String sas = blob.generateSas(new BlobServiceSasSignatureValues(expiry, permission));
        return blob.getBlobUrl() + "?" + sas;
    }

    /** The blob name a URL of this container points at, or null when it points elsewhere. */
    public String blobNameOf(String url) {
        String prefix = container.getBlobContainerUrl() + "/";
        if (url == null || !url.startsWith(prefix)) {
            return null;
        }
        int query = url.indexOf('?');
        String name = url.substring(prefix.length(), query < 0 ? url.length() : query);
        return java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean exists(String blobName) {
        return container.getBlobClient(blobName).exists();
    }

    /** Downloads a blob to a new temporary file the caller deletes. */
    public Path download(String blobName) {
        try {
            Path file = Files.createTempFile("dmf-import-", ".zip");
            container.getBlobClient(blobName).downloadToFile(file.toString(), true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void upload(String blobName, Path file) {
        container.getBlobClient(blobName).uploadFromFile(file.toString(), true);
    }

    public void upload(String blobName, byte[] bytes) {
        container.getBlobClient(blobName).upload(com.azure.core.util.BinaryData.fromBytes(bytes), true);
    }
}
