package io.github.d365bridge.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The HTTP socket of the packaged app in standalone mode. The azure-functions-http extension builds the
 * prod app with a virtual HTTP server only (Quarkus opens no port in the prod launch mode when an extension
 * requires virtual HTTP): under the Functions host the {@code QuarkusHttp} function feeds requests into it.
 * A container has no such host, so this opens {@code quarkus.http.host}:{@code quarkus.http.port} and hands
 * every request to the same Quarkus root handler the virtual server uses: same routes, root path, filters
 * and body limits as on Azure. In dev and test mode Quarkus opens its own socket and this stays closed.
 */
@ApplicationScoped
public class StandaloneHttpServer {

    private static final Logger LOG = Logger.getLogger(StandaloneHttpServer.class);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final int ioThreads;
    private final String rootPath;
    private final HttpServerOptions options;
    private final List<HttpServer> servers = new ArrayList<>();

    @Inject
    public StandaloneHttpServer(Vertx vertx,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port,
            @ConfigProperty(name = "quarkus.http.io-threads") Optional<Integer> ioThreads,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath,
            @ConfigProperty(name = "quarkus.http.idle-timeout", defaultValue = "30M") Duration idleTimeout,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096") int maxInitialLine,
            @ConfigProperty(name = "quarkus.http.limits.max-chunk-size", defaultValue = "8192") MemorySize maxChunkSize) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.rootPath = rootPath;
        // One server per I/O thread, as Quarkus does: each gets its own event loop and Vert.x spreads the
        // connections of the shared port over them.
        this.ioThreads = ioThreads.orElse(2 * Runtime.getRuntime().availableProcessors());
        this.options = new HttpServerOptions().setHost(host)
                .setIdleTimeout((int) idleTimeout.toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxHeaderSize(maxHeaderSize.asBigInteger().intValueExact())
                .setMaxInitialLineLength(maxInitialLine)
                .setMaxChunkSize(maxChunkSize.asBigInteger().intValueExact());
    }

    /**
     * Whether Quarkus left this app without a socket: in the prod launch mode, because the
     * azure-functions-http extension requires virtual HTTP there (a build-time decision of Quarkus).
     */
    public static boolean quarkusOpensNoSocket() {
        return LaunchMode.current().isProduction();
    }

    /**
     * Opens the socket and waits until it listens.
     *
     * @return the port it listens on (the real one when {@code quarkus.http.port=0})
     */
    public synchronized int start() {
        if (!servers.isEmpty()) {
            return servers.get(0).actualPort();
        }
        int bound = listen(port);
        // With port 0 the first server picked the port; the others must share that one, not pick their own.
        for (int i = 1; i < ioThreads; i++) {
            listen(bound);
        }
        LOG.infof("HTTP listening on http://%s:%d%s (standalone runtime)", host, bound, rootPath);
        return bound;
    }

    private int listen(int onPort) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions(options).setPort(onPort))
                .requestHandler(VertxHttpRecorder.getRootHandler());
        try {
            HttpServer listening = await(server.listen(), BIND_TIMEOUT);
            servers.add(listening);
            return listening.actualPort();
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("Could not listen on " + host + ":" + onPort
                    + " (quarkus.http.host, quarkus.http.port): " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Stops accepting connections; bounded, so a stuck close cannot hold up the shutdown. */
    public synchronized void close() {
        for (HttpServer server : servers) {
            try {
                await(server.close(), CLOSE_TIMEOUT);
            } catch (ExecutionException e) {
                LOG.warnf("Closing the HTTP server failed: %s", e.getCause().toString());
            }
        }
        servers.clear();
    }

    private static <T> T await(Future<T> future, Duration timeout) throws ExecutionException {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException(new TimeoutException("no answer within " + timeout.toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(e);
        }
    }
}
