package io.github.d365bridge.flow.sync.export;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.github.d365bridge.ground.Json;
import io.github.d365bridge.storage.Blobs;
import io.github.d365bridge.storage.StorageAccount;

/**
 * The snapshots sync runs read their pages from: per flow, run and legal entity, numbered pages of rows
 * (gzip JSON lines, one row a line), the keys of every row (gzip, one a line, for the removal step), and
 * last the manifest saying how many pages there are. A page blob is written whole or not at all, and a
 * snapshot rebuilt after a crash writes the same names again, so readers never see half a snapshot: without
 * the manifest there is none.
 * <p>
 * Blob names: {@code <flow>/<run>/<legal entity>/page-000000.jsonl.gz}, {@code …/keys.txt.gz},
 * {@code …/snapshot.json}. A run's snapshots are found by its prefix, never by listing the container.
 */
public final class SnapshotStore {

    private static final TypeReference<Map<String, String>> ROW = new TypeReference<>() { };

    private final StorageAccount storage;
    private final String containerName;

    public SnapshotStore(StorageAccount storage, String containerName) {
        this.storage = storage;
        this.containerName = containerName;
    }

    /** What a finished snapshot holds. */
    public record Manifest(String source, int pages, long rows, boolean complete, String note) {
    }

    /** Writes one snapshot; {@link #finish} makes it readable. Holds one page of rows at a time. */
    public final class Writer implements AutoCloseable {
        private final String prefix;
        private final int pageSize;
        private final List<Map<String, String>> page = new ArrayList<>();
        private final ByteArrayOutputStream keyBytes = new ByteArrayOutputStream();
        private final java.io.Writer keys;
        private int pages;
        private long rows;

        private Writer(String prefix, int pageSize) {
            this.prefix = prefix;
            this.pageSize = pageSize;
            try {
                this.keys = new OutputStreamWriter(new GZIPOutputStream(keyBytes), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void add(String key, Map<String, String> row) {
            try {
                keys.write(escape(key));
                keys.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            page.add(row);
            rows++;
            if (page.size() == pageSize) {
                flushPage();
            }
        }

        private void flushPage() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (java.io.Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
                for (Map<String, String> row : page) {
                    out.write(Json.mapper().writeValueAsString(row));
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            container().getBlobClient(pageName(prefix, pages)).upload(BinaryData.fromBytes(bytes.toByteArray()), true);
            pages++;
            page.clear();
        }

        /** Writes the last page, the keys and the manifest. */
        public Manifest finish(String source, boolean complete, String note) {
            if (!page.isEmpty() || pages == 0) {
                flushPage(); // an empty snapshot still has one (empty) page, so its first page step finds it
            }
            try {
                keys.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            container().getBlobClient(prefix + "keys.txt.gz").upload(BinaryData.fromBytes(keyBytes.toByteArray()), true);
            Manifest manifest = new Manifest(source, pages, rows, complete, note);
            container().getBlobClient(prefix + "snapshot.json").upload(BinaryData.fromBytes(json(manifest)), true);
            return manifest;
        }

        @Override
        public void close() {
            try {
                keys.close();
            } catch (IOException ignored) {
                // only the in-memory key buffer
            }
        }
    }

    public Writer writer(String flow, String runId, String legalEntity, int pageSize) {
        return new Writer(prefix(flow, runId, legalEntity), pageSize);
    }

    public Optional<Manifest> manifest(String flow, String runId, String legalEntity) {
        return download(prefix(flow, runId, legalEntity) + "snapshot.json").map(bytes -> {
            try {
                return Json.mapper().readValue(bytes, Manifest.class);
            } catch (IOException e) {
                throw new IllegalStateException("Snapshot manifest of " + flow + " run " + runId + " " + legalEntity
                        + " is unreadable", e);
            }
        });
    }

    /** The rows of one page, in the order they were written. */
    public List<Map<String, String>> page(String flow, String runId, String legalEntity, int page) {
        String name = pageName(prefix(flow, runId, legalEntity), page);
        byte[] bytes = download(name).orElseThrow(() -> new IllegalStateException("Snapshot page " + name
                + " is missing from container " + containerName));
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader in = gunzip(bytes)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(Json.mapper().readValue(line, ROW));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Snapshot page " + name + " is unreadable", e);
        }
        return rows;
    }

    /** Every key of the snapshot, streamed from its key blob. */
    public Stream<String> keys(String flow, String runId, String legalEntity) {
        String name = prefix(flow, runId, legalEntity) + "keys.txt.gz";
        byte[] bytes = download(name).orElseThrow(() -> new IllegalStateException("Snapshot keys " + name
                + " are missing from container " + containerName));
        BufferedReader in = gunzip(bytes);
        return in.lines().map(SnapshotStore::unescape).onClose(() -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // an in-memory stream
            }
        });
    }

    /** Deletes a legal entity's snapshot; with {@code legalEntity} null, every snapshot of the run. */
    public int delete(String flow, String runId, String legalEntity) {
        String prefix = legalEntity == null ? segment(flow) + "/" + segment(runId) + "/" : prefix(flow, runId, legalEntity);
        int deleted = 0;
        BlobContainerClient container = container();
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
            if (container.getBlobClient(item.getName()).deleteIfExists()) {
                deleted++;
            }
        }
        return deleted;
    }

    private BlobContainerClient container() {
        return storage.container(containerName);
    }

    private Optional<byte[]> download(String name) {
        return Blobs.download(container().getBlobClient(name));
    }

    private static BufferedReader gunzip(byte[] bytes) {
        try {
            return new BufferedReader(new InputStreamReader(new GZIPInputStream(new ByteArrayInputStream(bytes)),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefix(String flow, String runId, String legalEntity) {
        return segment(flow) + "/" + segment(runId) + "/" + segment(legalEntity) + "/";
    }

    private static String pageName(String prefix, int page) {
        return prefix + String.format(java.util.Locale.ROOT, "page-%06d.jsonl.gz", page);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Keys may hold any character (D365 item numbers carry spaces); a line break is escaped. */
    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
