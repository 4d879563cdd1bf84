package io.github.d365bridge.client.d365.pkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

/**
 * The local folder where DMF package files wait between being written and being uploaded. The writer
 * deletes its file as soon as the upload is done; a file left behind (the process died, or the delete
 * failed) is deleted once it is older than {@code staleAfter}, far longer than writing and uploading one
 * package takes, so a file another process of the same machine is still uploading is never touched. The
 * folder holds nothing else, so listing it costs what is in it: the packages in flight and the leftovers.
 */
public final class PackageFolder {

    private static final Logger LOG = Logger.getLogger(PackageFolder.class);

    private final Path folder;
    private final Duration staleAfter;
    private final Clock clock;

    public PackageFolder(Path folder, Duration staleAfter, Clock clock) {
        this.folder = folder;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    public Path path() {
        return folder;
    }

    /**
     * A new empty package file named {@code <prefix><random>.zip}. Leftovers are cleared first: the process
     * that writes packages is the one that leaves them, and its folder is local to its machine.
     */
    public Path newFile(String prefix) {
        try {
            Files.createDirectories(folder);
            deleteStale(Integer.MAX_VALUE);
            return Files.createTempFile(folder, prefix, ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("No package file can be created in " + folder, e);
        }
    }

    /** Deletes a package file that is no longer needed; a failure is logged and left to {@link #deleteStale}. */
    public void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Package file %s could not be deleted (it goes once older than %s): %s", file, staleAfter,
                    e.getMessage());
        }
    }

    /** Deletes up to {@code limit} files last modified longer than {@code staleAfter} ago; returns how many. */
    public int deleteStale(int limit) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(staleAfter);
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (deleted >= limit) {
                    break;
                }
                if (isStale(file, cutoff)) {
                    delete(file);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The package folder " + folder + " cannot be listed", e);
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d package file(s) left in %s for more than %s", deleted, folder, staleAfter);
        }
        return deleted;
    }

    private static boolean isStale(Path file, Instant cutoff) throws IOException {
        try {
            return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException deletedMeanwhile) {
            return false;
        }
    }
}
