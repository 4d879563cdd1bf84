package io.github.d365bridge.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged bridge ({@code target/*-runner.jar}, prod profile) as a separate OS process, the way a
 * container runs it: for tests of what only the real jar shows (HTTP in standalone mode, behaviour after a
 * kill). Output goes to a file under {@code target/bridge-process/}, every start appends to it after a
 * marker line. {@link #kill()} is SIGKILL, so a test can crash the bridge at any point and
 * {@link #restart()} it on the same storage (the storage is whatever the settings point at, so it
 * outlives the process) and the same HTTP port.
 *
 * <p>Every wait is bounded. A process is never left behind: {@link #close()} stops it, and a JVM shutdown
 * hook kills whatever a test forgot. Secrets (operator key, connection strings) belong in
 * {@link Builder#env(String, String)}: environment variables do not show in process listings, unlike the
 * {@code -D} options of {@link Builder#systemProperty(String, String)}. The bridge's own settings inherited
 * from the test's environment ({@code BRIDGE_*}, {@code QUARKUS_*}, {@code AzureWebJobs*}) are removed so
 * the process sees only what the test gives it.
 */
public final class BridgeProcess implements AutoCloseable {

    /** What the standalone runtime logs once its pumps, timers and HTTP server are up. */
    public static final String READY_LINE = "d365-commerce-bridge ready";

    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> INHERITED_PREFIXES_REMOVED = List.of("BRIDGE_", "QUARKUS_", "AZUREWEBJOBS");

    private final Builder settings;
    private final Thread reaper = new Thread(this::killQuietly, "bridge-process-reaper");
    private volatile Process process;
    private volatile long runStart;
    private int starts;
    private boolean reaperRegistered;

    private BridgeProcess(Builder settings) {
        this.settings = settings;
    }

    /** Settings for the runner jar {@code target/*-runner.jar} (there must be exactly one: run the package phase). */
    public static Builder builder() {
        return new Builder(runnerJar());
    }

    /** Settings for the given runner jar. */
    public static Builder builder(Path runnerJar) {
        return new Builder(runnerJar);
    }

    /** The runner jar the package phase wrote to {@code target/}. */
    public static Path runnerJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("Expected one target/*-runner.jar (run ./mvnw package), found " + jars);
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("No target/ folder: run ./mvnw package first", e);
        }
    }

    /** A port on 127.0.0.1 free at the time of the call. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized BridgeProcess launch() {
        if (isAlive()) {
            throw new IllegalStateException("Bridge process " + process.pid() + " is still running");
        }
        try {
            Files.createDirectories(settings.log.getParent());
            starts++;
            if (starts == 1) {
                Files.deleteIfExists(settings.log);
            }
            Files.writeString(settings.log, "==== BridgeProcess start " + starts + " at " + Instant.now() + " ====\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            runStart = Files.size(settings.log);
            ProcessBuilder builder = new ProcessBuilder(command()).directory(settings.workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(settings.log.toFile()));
            builder.environment().keySet().removeIf(BridgeProcess::isBridgeSetting);
            builder.environment().putAll(settings.env);
            process = builder.start();
            if (!reaperRegistered) {
                Runtime.getRuntime().addShutdownHook(reaper);
                reaperRegistered = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + settings.jar, e);
        }
        awaitReady();
        return this;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmArgs);
        settings.systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(settings.jar.toAbsolutePath().toString());
        return command;
    }

    private static boolean isBridgeSetting(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return INHERITED_PREFIXES_REMOVED.stream().anyMatch(upper::startsWith);
    }

    /** Waits for the ready line and for the HTTP port to accept connections; kills the process if it does not come up. */
    private void awaitReady() {
        try {
            await("bridge ready (" + settings.log + ")").atMost(settings.readyTimeout).pollInterval(Duration.ofMillis(100))
                    .failFast("bridge process exited during start-up", () -> !process.isAlive())
                    .until(() -> logOfThisRun().contains(READY_LINE) && accepts(settings.httpPort));
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            String tail = tail(40);
            killQuietly();
            throw new IllegalStateException(e.getMessage() + "; last lines of " + settings.log + ":\n" + tail, e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL (on Linux) to the bridge and its child processes, as a crash: no shutdown hook runs. Waits until it is gone. */
    public void kill() {
        // Not synchronized: the shutdown hook must be able to kill while a test thread waits inside this object.
        Process current = process;
        if (current == null) {
            return;
        }
        // Children listed while they are still descendants: once the bridge is dead they belong to init and
        // a child (an embedded Azurite) would outlive the test.
        List<ProcessHandle> children = current.descendants().toList();
        current.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitExit(current.toHandle(), KILL_TIMEOUT);
        children.forEach(child -> awaitExit(child, KILL_TIMEOUT));
    }

    /**
     * SIGTERM and a bounded wait for the bridge's own shutdown (pumps stop, messages in flight finish);
     * SIGKILL if it takes longer than {@link Builder#stopTimeout(Duration)}.
     *
     * @return the exit code, or empty if the process had to be killed or never ran
     */
    public synchronized Optional<Integer> stop() {
        if (process == null || !process.isAlive()) {
            return process == null ? Optional.empty() : Optional.of(process.exitValue());
        }
        process.destroy();
        try {
            if (process.waitFor(settings.stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return Optional.empty();
    }

    /** Stops the bridge if it still runs (gracefully), then starts it again with the same settings and port, and waits for ready. */
    public synchronized BridgeProcess restart() {
        stop();
        return launch();
    }

    /** Waits until the log of the current run contains {@code text}; fails early if the process exits. */
    public void awaitLog(String text, Duration timeout) {
        await("'" + text + "' in " + settings.log).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .failFast("bridge process exited", () -> !isAlive() && !logOfThisRun().contains(text))
                .until(() -> logOfThisRun().contains(text));
    }

    /** The output of the current (or last) run, since its start. */
    public String logOfThisRun() {
        try (RandomAccessFile file = new RandomAccessFile(settings.log.toFile(), "r")) {
            long length = file.length();
            byte[] bytes = new byte[(int) Math.max(0, length - runStart)];
            file.seek(runStart);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail(int lines) {
        String[] all = logOfThisRun().split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The operating system's id of the current (or last) run. */
    public long pid() {
        return process.pid();
    }

    /** How often the process was started, restarts included. */
    public synchronized int starts() {
        return starts;
    }

    /** The HTTP port, the same for every run. */
    public int httpPort() {
        return settings.httpPort;
    }

    /** {@code http://127.0.0.1:<port>/api}: the root of every route, as under the Functions host. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + settings.httpPort + "/api");
    }

    /** The file all runs write their output to. */
    public Path log() {
        return settings.log;
    }

    /** Stops the bridge (gracefully, bounded) and forgets the shutdown hook. */
    @Override
    public synchronized void close() {
        stop();
        if (reaperRegistered) {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
                reaperRegistered = false;
            } catch (IllegalStateException e) {
                // the JVM is shutting down already; the hook runs and finds nothing to kill
            }
        }
    }

    private void killQuietly() {
        try {
            kill();
        } catch (RuntimeException e) {
            // nothing more can be done from here: the process is reported by the caller's failure
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Process " + handle.pid() + " still alive " + timeout.toSeconds() + " s after SIGKILL");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What to start. The HTTP port is picked once (a free loopback port unless {@link #httpPort(int)} says
     * otherwise) and kept across restarts, so senders keep their URL; the bridge listens on 127.0.0.1 only.
     */
    public static final class Builder {

        private final Path jar;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Path log = Path.of("target", "bridge-process", "bridge.log");
        private Duration readyTimeout = Duration.ofSeconds(60);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private int httpPort;

        private Builder(Path jar) {
            this.jar = jar;
            env.put("BRIDGE_RUNTIME_STANDALONE", "true");
        }

        /** An environment variable (app setting) of the process; the place for secrets. */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** A {@code -D} option; visible in process listings, so never for secrets. */
        public Builder systemProperty(String name, String value) {
            systemProperties.put(name, value);
            return this;
        }

        /** A JVM option such as {@code -Xmx256m}. */
        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** The HTTP port ({@code quarkus.http.port}); default a free one. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** The output file becomes {@code target/bridge-process/<name>.log}. */
        public Builder name(String name) {
            this.log = Path.of("target", "bridge-process", name + ".log");
            return this;
        }

        /** Folder the process runs in (relative paths in its settings resolve there); default the project folder. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** Longest wait for the ready line and the open port; default 60 s. */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** Longest wait for a graceful stop before SIGKILL; default 30 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** Starts the process and waits until it is ready; on failure the process is gone and the log tail is in the message. */
        public BridgeProcess start() {
            if (httpPort == 0) {
                httpPort = freePort();
            }
            env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            return new BridgeProcess(this).launch();
        }
    }
}
