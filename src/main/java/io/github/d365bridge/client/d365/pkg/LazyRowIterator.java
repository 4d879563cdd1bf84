package io.github.d365bridge.client.d365.pkg;

import java.io.Closeable;
import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * Look-ahead and closing shared by the format readers: a subclass only says how to read the next
 * row. The source is closed at the end of the rows, on the first failure and on {@link #close()}.
 */
abstract class LazyRowIterator implements RowIterator {

    private final Closeable source;
    private PackageRow next;
    private boolean finished;

    LazyRowIterator(Closeable source) {
        this.source = source;
    }

    /** The next row, or null after the last one. */
    protected abstract PackageRow readNext();

    @Override
    public final boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        try {
            next = readNext();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (next == null) {
            close();
        }
        return next != null;
    }

    @Override
    public final PackageRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        PackageRow row = next;
        next = null;
        return row;
    }

    @Override
    public final void close() {
        if (finished) {
            return;
        }
        finished = true;
        next = null;
        try {
            source.close();
        } catch (IOException ignored) {
            // Only reading happened: nothing is lost when releasing the entry fails.
        }
    }
}
