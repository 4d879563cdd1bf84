package io.github.d365bridge.client.d365.pkg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a data package exported by D365 ({@code ExportToPackage}): the manifest on opening, then
 * each entity's rows on demand, streamed from the zip. Works from a file because a zip's directory
 * is at its end and the manifest may come after the data files; {@link #open(InputStream, String)}
 * spools to a temporary file for that reason. Every problem with the package itself is a
 * {@link io.github.d365bridge.ground.PermanentFailureException} naming package, entity and
 * file. Close the reader when done; that also ends any row iterators still open.
 */
public final class DataPackageReader implements AutoCloseable {

    private final String packageName;
    private final ZipFile zip;
    private final Path spooledFile;
    private final Map<String, ZipEntry> entriesByLowerName;
    private final PackageManifest manifest;

    private DataPackageReader(String packageName, ZipFile zip, Path spooledFile) {
        this.packageName = packageName;
        this.zip = zip;
        this.spooledFile = spooledFile;
        this.entriesByLowerName = indexEntries(zip);
        PackageLocation where = PackageLocation.of(packageName).file(PackageLayout.MANIFEST_FILE);
        ZipEntry manifestEntry = find(PackageLayout.MANIFEST_FILE);
        if (manifestEntry == null) {
            throw where.failure("the package has no " + PackageLayout.MANIFEST_FILE + " (it holds "
                    + entriesByLowerName.size() + " files)");
        }
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            this.manifest = ManifestXmlReader.read(in, where);
        } catch (IOException e) {
            throw where.failure("cannot read the manifest: " + e, e);
        }
    }

    /**
     * Streams the rows of a standalone CSV-Unicode file D365 hands out outside a package (the error-keys
     * and staging error files of an import), with the same encoding checks and error messages.
     *
     * @param what how messages name the file, e.g. {@code error keys of <execution id>}
     */
    public static RowIterator readCsvUnicode(InputStream file, String what, String entityLabel) {
        return CsvUnicodeRowIterator.open(file, PackageLocation.of(what).entity(entityLabel, "error keys file"));
    }

    /** Opens a package file; the name used in messages is the file's name. */
    public static DataPackageReader open(Path packageFile) {
        String name = packageFile.getFileName().toString();
        return open(packageFile, name, null);
    }

    /**
     * Copies the stream to a temporary file (deleted on {@link #close()}) and opens that. The stream
     * is read to its end but not closed.
     */
    public static DataPackageReader open(InputStream packageStream, String packageName) {
        Path spool;
        try {
            spool = Files.createTempFile("d365-package-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for package '" + packageName + "'", e);
        }
        try {
            Files.copy(packageStream, spool, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(spool);
            throw new UncheckedIOException("cannot spool package '" + packageName + "'", e);
        }
        return open(spool, packageName, spool);
    }

    private static DataPackageReader open(Path file, String name, Path spool) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            deleteQuietly(spool);
            throw PackageLocation.of(name).failure("not a readable zip, probably truncated or corrupt ("
                    + e.getMessage() + ")", e);
        }
        try {
            return new DataPackageReader(name, zip, spool);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            deleteQuietly(spool);
            throw e;
        }
    }

    public String packageName() {
        return packageName;
    }

    public PackageManifest manifest() {
        return manifest;
    }

    public List<ManifestEntity> entities() {
        return manifest.entities();
    }

    /** The rows of the entity with this label (or target entity); see {@link PackageManifest#entity}. */
    public RowIterator rows(String labelOrTargetEntity) {
        ManifestEntity entity = manifest.entity(labelOrTargetEntity).orElseThrow(() -> PackageLocation.of(packageName)
                .failure("the manifest has no entity '" + labelOrTargetEntity + "'; it has "
                        + entities().stream().map(ManifestEntity::label).toList()));
        return rows(entity);
    }

    /** The rows of one entity of {@link #entities()}, streamed from its data file. */
    public RowIterator rows(ManifestEntity entity) {
        PackageLocation where = PackageLocation.of(packageName).entity(entity.label(), entity.dataFile());
        if (entity.dataFile() == null) {
            throw where.failure("the manifest names no data file (InputFilePath) for this entity");
        }
        SourceFormat format = entity.sourceFormat().orElseThrow(() -> where.failure("unknown SourceFormat '"
                + entity.sourceFormatName() + "'; this reader knows " + knownFormats()));
        ZipEntry entry = find(entity.dataFile());
        if (entry == null) {
            throw where.failure("the data file named in the manifest is not in the package");
        }
        InputStream in;
        try {
            in = zip.getInputStream(entry);
        } catch (IOException e) {
            throw where.failure("cannot open the data file: " + e, e);
        }
        return switch (format) {
            case CSV_UNICODE -> CsvUnicodeRowIterator.open(in, where);
            case XML_ATTRIBUTE -> XmlAttributeRowIterator.open(in, where);
        };
    }

    @Override
    public void close() {
        closeQuietly(zip);
        deleteQuietly(spooledFile);
    }

    /**
     * Exact name first; then without case and folder, because D365 runs on Windows (names are not
     * case-sensitive there) and a re-zipped export may have gained a folder.
     */
    private ZipEntry find(String fileName) {
        ZipEntry exact = zip.getEntry(fileName);
        if (exact != null && !exact.isDirectory()) {
            return exact;
        }
        return entriesByLowerName.get(baseName(fileName).toLowerCase(Locale.ROOT));
    }

    private static Map<String, ZipEntry> indexEntries(ZipFile zip) {
        Map<String, ZipEntry> index = new HashMap<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            if (!entry.isDirectory()) {
                index.putIfAbsent(baseName(entry.getName()).toLowerCase(Locale.ROOT), entry);
            }
        }
        return index;
    }

    private static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    private static String knownFormats() {
        return Arrays.stream(SourceFormat.values()).map(SourceFormat::manifestName).toList().toString();
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only: nothing to lose
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; the OS cleans its temp folder
        }
    }
}
