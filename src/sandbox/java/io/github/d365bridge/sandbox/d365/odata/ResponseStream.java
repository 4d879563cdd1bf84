package io.github.d365bridge.sandbox.d365.odata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * An answer body written from a worker thread as it is produced. Up to {@value #BUFFER} bytes it is
 * sent in one piece with a Content-Length, as before; a larger one (a page of 10,000 customers with
 * 300 fields is about 80 MB) goes out chunked, waiting while the connection's write queue is full, so
 * the sandbox holds one chunk of it instead of the whole text twice.
 */
final class ResponseStream extends OutputStream {

    static final int BUFFER = 1 << 20;

    private final HttpServerResponse response;
    private byte[] buffer = new byte[8192];
    private int size;
    private boolean chunked;
    private boolean closed;

    /** The status and headers must be set on {@code response} before the first byte. */
    ResponseStream(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n = Math.min(length, BUFFER - size);
            if (n == 0) {
                drain();
                continue;
            }
            ensure(n);
            System.arraycopy(bytes, offset, buffer, size, n);
            size += n;
            offset += n;
            length -= n;
        }
    }

    private void ensure(int more) throws IOException {
        if (size + more > BUFFER) {
            drain();
        }
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(BUFFER, Math.max(buffer.length * 2, size + more)));
        }
    }

    /** Sends what is buffered as one chunk and waits until the connection can take more. */
    private void drain() throws IOException {
        if (response.closed()) {
            throw new IOException("the client closed the connection");
        }
        if (!chunked) {
            response.setChunked(true);
            chunked = true;
        }
        response.write(Buffer.buffer(Arrays.copyOf(buffer, size)));
        size = 0;
        while (response.writeQueueFull()) {
            CountDownLatch drained = new CountDownLatch(1);
            response.drainHandler(v -> drained.countDown());
            try {
                // the queue may have drained before the handler was set: look again every 100 ms
                drained.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the answer", e);
            }
            if (response.closed()) {
                throw new IOException("the client closed the connection");
            }
        }
    }

    /** Ends the answer with what is left. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        response.end(Buffer.buffer(Arrays.copyOf(buffer, size)));
    }

    /**
     * Gives up. Once part of the body is out the connection is reset, so the client cannot take a short
     * body for a whole one; answers whether nothing was sent yet (the caller may still answer an error).
     */
    boolean abort() {
        closed = true;
        if (!chunked) {
            return true;
        }
        if (!response.closed()) {
            response.reset();
        }
        return false;
    }
}
