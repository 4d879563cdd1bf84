package io.github.d365bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a free 127.0.0.1 port in front of one local port (an Azurite service), for storage
 * outages: during a window it resets every open connection and every new one as soon as it is accepted,
 * which a client sees as a storage account whose front end is gone. Outside the window it copies bytes
 * both ways unchanged. A test points the bridge's connection string at the proxies and schedules the
 * window; its length is the only thing that differs from a long outage.
 */
public final class LoopbackProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> daemon(r, "loopback-proxy-pump"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "loopback-proxy-outage"));
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong reset = new AtomicLong();
    private volatile Instant downFrom = Instant.MAX;
    private volatile Instant downUntil = Instant.MAX;
    private volatile boolean closed;

    private LoopbackProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        Thread acceptor = daemon(this::acceptLoop, "loopback-proxy-accept-" + targetPort);
        acceptor.start();
    }

    /** Starts a proxy to {@code 127.0.0.1:targetPort}. */
    public static LoopbackProxy to(int targetPort) {
        try {
            return new LoopbackProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port for the proxy to " + targetPort, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Down from {@code start} for {@code length}: open connections are reset when the window opens, new
     * ones while it lasts.
     */
    public void outage(Instant start, Duration length) {
        downUntil = start.plus(length);
        downFrom = start;
        long delay = Math.max(0, Duration.between(clock.instant(), start).toMillis());
        timer.schedule(this::resetAll, delay, TimeUnit.MILLISECONDS);
    }

    public boolean down() {
        Instant now = clock.instant();
        return !now.isBefore(downFrom) && now.isBefore(downUntil);
    }

    /** Connections reset by outages so far (open ones at the window's start plus refused new ones). */
    public long resetConnections() {
        return reset.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (down()) {
                resetQuietly(client);
                continue;
            }
            pumps.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream;
        try {
            upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException e) {
            closeQuietly(client); // the service itself is down: the client sees the connection end
            return;
        }
        open.add(client);
        open.add(upstream);
        pumps.execute(() -> copy(client, upstream));
        copy(upstream, client);
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // the other side ended, or an outage reset both: nothing to keep
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void resetAll() {
        for (Socket socket : open) {
            resetQuietly(socket);
        }
    }

    /** Closes with an RST (linger 0), as a vanished front end does, rather than an orderly FIN. */
    private void resetQuietly(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                reset.incrementAndGet();
            }
        } catch (SocketException ignored) {
            // already gone
        }
        closeQuietly(socket);
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // the accept loop ends either way
        }
        open.forEach(this::closeQuietly);
        pumps.shutdownNow();
        timer.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
