package io.github.d365bridge.testing;

import java.nio.file.Path;
import java.util.List;

import io.github.d365bridge.storage.EmbeddedAzurite;
import io.github.d365bridge.storage.QueueRetry;
import io.github.d365bridge.storage.StorageAccount;

/**
 * One in-memory Azurite on free loopback ports for the plain (non-Quarkus) storage tests of this JVM,
 * stopped when the JVM exits.
 */
public final class TestAzurite {

    private static EmbeddedAzurite azurite;

    private TestAzurite() {
    }

    public static synchronized StorageAccount storage() {
        return new StorageAccount(started().connectionString());
    }

    /** A storage account on the same Azurite whose blob and table requests {@code counter} counts. */
    public static synchronized StorageAccount countedStorage(StorageRequestCounter counter) {
        return new StorageAccount(started().connectionString(), QueueRetry.SDK_DEFAULT, List.of(counter));
    }

    private static EmbeddedAzurite started() {
        if (azurite == null) {
            azurite = EmbeddedAzurite.start("node_modules/.bin/azurite", Path.of("target/azurite-plain"), true, 0, 0, 0);
            EmbeddedAzurite started = azurite;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return azurite;
    }

    /** A name unique to one test, valid for queues, containers (lower-case) and tables (letters, digits). */
    public static String uniqueName(String prefix) {
        return prefix + Long.toHexString(System.nanoTime()).toLowerCase();
    }
}
