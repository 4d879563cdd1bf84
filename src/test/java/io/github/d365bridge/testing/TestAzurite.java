package io.github.d365bridge.testing;

import java.nio.file.Path;

import io.github.d365bridge.storage.EmbeddedAzurite;
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
        if (azurite == null) {
            azurite = EmbeddedAzurite.start("node_modules/.bin/azurite", Path.of("target/azurite-plain"), true, 0, 0, 0);
            EmbeddedAzurite started = azurite;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return new StorageAccount(azurite.connectionString());
    }

    /** A name unique to one test, valid for queues, containers (lower-case) and tables (letters, digits). */
    public static String uniqueName(String prefix) {
        return prefix + Long.toHexString(System.nanoTime()).toLowerCase();
    }
}
