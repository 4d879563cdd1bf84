package io.github.d365bridge.client.d365.pkg;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a D365 data package (the zip that {@code ImportFromPackage} takes) to an output stream:
 * {@code Manifest.xml} and {@code PackageHeader.xml} first, then one CSV-Unicode data file per
 * entity, streamed row by row. Typical use:
 *
 * <pre>{@code
 * try (DataPackageWriter writer = new DataPackageWriter(out, definition)) {
 *     writer.writeEntity("Sales order headers V2", headerRows);
 *     writer.writeEntity("Sales order lines V2", lineRows);
 * }
 * }</pre>
 *
 * Every entity of the definition must get its data file before {@link #close()}: a package whose
 * manifest names a missing file fails in D365 only after upload and a job round trip.
 * The caller's stream is not closed. Not thread-safe; I/O failures surface as
 * {@link UncheckedIOException}.
 */
public final class DataPackageWriter implements AutoCloseable {

    private final PackageDefinition definition;
    private final ZipOutputStream zip;
    private final Set<String> written = new LinkedHashSet<>();
    private EntityRowWriter current;
    private boolean closed;

    public DataPackageWriter(OutputStream out, PackageDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.zip = new ZipOutputStream(new KeepOpenOutputStream(Objects.requireNonNull(out, "out")));
        try {
            // Manifest first, so that a reader streaming the zip knows the entities before their files.
            zip.putNextEntry(new ZipEntry(PackageLayout.MANIFEST_FILE));
            ManifestXmlWriter.writeManifest(definition, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PackageLayout.HEADER_FILE));
            ManifestXmlWriter.writeHeader(definition.description(), zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of package '"
                    + definition.definitionGroupName() + "'", e);
        }
    }

    public PackageDefinition definition() {
        return definition;
    }

    /** Starts the data file of the entity with this label and writes its header row. */
    public EntityRowWriter openEntity(String label) {
        if (closed) {
            throw new IllegalStateException("the package is already closed");
        }
        if (current != null && !current.isClosed()) {
            throw new IllegalStateException("close the rows of entity '" + current.entity().label()
                    + "' before opening '" + label + "'");
        }
        PackageEntity entity = definition.entity(label).orElseThrow(() -> new IllegalArgumentException(
                "entity '" + label + "' is not in the package definition; it has " + labels(definition)));
        if (!written.add(entity.label())) {
            throw new IllegalStateException("the data file of entity '" + label + "' was already written");
        }
        try {
            zip.putNextEntry(new ZipEntry(entity.dataFileName()));
            zip.write(0xFF);
            zip.write(0xFE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the data file " + entity.dataFileName(), e);
        }
        BufferedWriter text = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_16LE.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        current = new EntityRowWriter(entity, text, this::closeEntry);
        return current;
    }

    /** Writes all rows of one entity, pulling them one at a time; answers the number of rows. */
    public long writeEntity(String label, Iterator<? extends List<String>> rows) {
        try (EntityRowWriter entityRows = openEntity(label)) {
            while (rows.hasNext()) {
                entityRows.write(rows.next());
            }
            return entityRows.rowCount();
        }
    }

    /** Like {@link #writeEntity(String, Iterator)}; the stream is consumed but not closed. */
    public long writeEntity(String label, Stream<? extends List<String>> rows) {
        return writeEntity(label, rows.iterator());
    }

    /**
     * Finishes the zip. Refuses (and leaves the zip unfinished, so it cannot be mistaken for a good
     * package) when an entity of the definition has no data file.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (current != null) {
            current.close();
        }
        closed = true;
        List<String> missing = definition.entities().stream()
                .map(PackageEntity::label)
                .filter(label -> !written.contains(label))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("package '" + definition.definitionGroupName()
                    + "' has no rows written for entities " + missing);
        }
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish package '" + definition.definitionGroupName() + "'", e);
        }
    }

    private void closeEntry() {
        try {
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the data file of entity '"
                    + current.entity().label() + "'", e);
        }
    }

    private static String labels(PackageDefinition definition) {
        return definition.entities().stream().map(e -> "'" + e.label() + "'").collect(Collectors.joining(", "));
    }

    /** Lets the zip be closed (releasing its deflater) without closing the caller's stream. */
    private static final class KeepOpenOutputStream extends FilterOutputStream {

        KeepOpenOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len); // FilterOutputStream would write byte by byte
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
