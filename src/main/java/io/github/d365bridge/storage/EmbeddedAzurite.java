package io.github.d365bridge.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.github.d365bridge.ground.ExternalSystem;
import io.github.d365bridge.ground.PermanentFailureException;

/**
 * Starts Azurite (installed by the build from the committed package.json) as a child process on
 * loopback and hands out its connection string. Used by the local run and by the tests; never when a
 * real connection string is configured.
 */
public final class EmbeddedAzurite implements AutoCloseable {

    /** Azurite's documented development account key: public, the same for every Azurite install. */
    private static final String DEV_ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Logger LOG = Logger.getLogger(EmbeddedAzurite.class);

    private final Process process;
    private final int blobPort;
    private final int queuePort;
    private final int tablePort;

    private EmbeddedAzurite(Process process, int blobPort, int queuePort, int tablePort) {
        this.process = process;
        this.blobPort = blobPort;
        this.queuePort = queuePort;
        this.tablePort = tablePort;
    }

    /**
     * Starts Azurite and waits until all three services accept connections.
     *
     * @param command   the azurite executable
     * @param location  data folder (also holds azurite.log); ignored for storage when {@code inMemory}
     * @param ports     blob, queue, table ports; 0 picks a free port
     */
    public static EmbeddedAzurite start(String command, Path location, boolean inMemory, int... ports) {
        Path executable = Path.of(command);
        if (!Files.isExecutable(executable)) {
            throw new PermanentFailureException(ExternalSystem.STORAGE, "Azurite is not installed at '" + command
                    + "' (bridge.storage.azurite.command). Run 'npm ci' in the project folder (the Maven build does it"
                    + " in its initialize phase), or set bridge.storage.connection-string to use another storage account.");
        }
        int blob = ports[0] == 0 ? freePort() : ports[0];
        int queue = ports[1] == 0 ? freePort() : ports[1];
        int table = ports[2] == 0 ? freePort() : ports[2];
        for (int port : new int[] {blob, queue, table}) {
            if (isListening(port)) {
                throw new PermanentFailureException(ExternalSystem.STORAGE, "Port " + port + " on 127.0.0.1 is"
                        + " already in use; stop what holds it or set bridge.storage.azurite.blob-port/queue-port/table-port"
                        + " (0 picks free ports).");
            }
        }
        try {
            Files.createDirectories(location);
            List<String> args = new ArrayList<>(List.of(executable.toAbsolutePath().toString(),
                    "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                    "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                    "--blobPort", Integer.toString(blob), "--queuePort", Integer.toString(queue),
                    "--tablePort", Integer.toString(table)));
            // Azurite refuses --location together with --inMemoryPersistence; the folder then only holds the log.
            args.addAll(inMemory ? List.of("--inMemoryPersistence")
                    : List.of("--location", location.toAbsolutePath().toString()));
            File log = location.resolve("azurite.log").toFile();
            Process process = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            EmbeddedAzurite azurite = new EmbeddedAzurite(process, blob, queue, table);
            azurite.awaitReady(Duration.ofSeconds(60), log);
            LOG.infof("Embedded Azurite started (blob %d, queue %d, table %d, data %s)", blob, queue, table,
                    inMemory ? "in memory" : location);
            return azurite;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Azurite from " + command, e);
        }
    }

    private void awaitReady(Duration timeout, File log) {
        Instant deadline = Instant.now().plus(timeout);
        while (!(isListening(blobPort) && isListening(queuePort) && isListening(tablePort))) {
            if (!process.isAlive()) {
                throw new PermanentFailureException(ExternalSystem.STORAGE,
                        "Azurite exited with code " + process.exitValue() + " during start-up; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new PermanentFailureException(ExternalSystem.STORAGE,
                        "Azurite did not listen within " + timeout.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted while starting Azurite", e);
            }
        }
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DEV_ACCOUNT_KEY
                + ";BlobEndpoint=http://127.0.0.1:" + blobPort + "/devstoreaccount1"
                + ";QueueEndpoint=http://127.0.0.1:" + queuePort + "/devstoreaccount1"
                + ";TableEndpoint=http://127.0.0.1:" + tablePort + "/devstoreaccount1;";
    }

    public int blobPort() {
        return blobPort;
    }

    public int queuePort() {
        return queuePort;
    }

    public int tablePort() {
        return tablePort;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on loopback", e);
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
