package io.github.d365bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay on a free loopback port in front of a real service, which a test can make stop answering:
 * connections stay open and requests are read, but nothing reaches the service and no byte comes back,
 * on new and already pooled connections alike. That is how a storage endpoint behind a dead load
 * balancer behaves, the case a client can only notice through its own timeout.
 */
public final class SilenceableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private volatile boolean answering = true;

    private SilenceableProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    public static SilenceableProxy start(int targetPort) {
        try {
            SilenceableProxy proxy = new SilenceableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                    targetPort);
            Thread accept = new Thread(proxy::acceptLoop, "silenceable-proxy-" + targetPort);
            accept.setDaemon(true);
            accept.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public void answering(boolean on) {
        answering = on;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                relay(client, target);
                relay(target, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (answering) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed: so does the other
            } finally {
                closeQuietly(to);
            }
        }, "silenceable-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
