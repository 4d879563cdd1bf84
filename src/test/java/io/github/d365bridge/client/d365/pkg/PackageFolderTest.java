package io.github.d365bridge.client.d365.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Package files left behind go once stale; files being written or uploaded stay. */
class PackageFolderTest {

    @TempDir
    Path temp;

    @Test
    void staleLeftoversGoFreshFilesStayAndNothingOutsideTheFolderIsTouched() throws IOException {
        Path folder = temp.resolve("packages");
        PackageFolder packages = new PackageFolder(folder, Duration.ofHours(1), Clock.systemUTC());
        Path leftOver = packages.newFile("orders-crashed-");
        Path beingUploaded = packages.newFile("orders-uploading-");
        Files.setLastModifiedTime(leftOver, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Files.setLastModifiedTime(beingUploaded, FileTime.from(Instant.now().minus(Duration.ofMinutes(50))));
        Path outside = Files.createFile(temp.resolve("someone-elses.zip"));
        Files.setLastModifiedTime(outside, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        assertThat(packages.deleteStale(100)).isEqualTo(1);

        assertThat(leftOver).doesNotExist();
        assertThat(beingUploaded).exists();
        assertThat(outside).exists();
    }

    @Test
    void writingANewPackageClearsStaleOnesFirst() throws IOException {
        PackageFolder packages = new PackageFolder(temp, Duration.ofHours(1), Clock.systemUTC());
        Path leftOver = packages.newFile("orders-old-");
        Files.setLastModifiedTime(leftOver, FileTime.from(Instant.now().minus(Duration.ofHours(3))));

        Path next = packages.newFile("orders-next-");

        assertThat(leftOver).doesNotExist();
        assertThat(next).isEmptyFile();
        assertThat(next.getFileName().toString()).startsWith("orders-next-").endsWith(".zip");
        packages.delete(next);
        packages.delete(next); // deleting what is gone is no error
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aMissingFolderHasNothingToSweep() {
        assertThat(new PackageFolder(temp.resolve("never-created"), Duration.ofHours(1), Clock.systemUTC())
                .deleteStale(10)).isZero();
    }
}
