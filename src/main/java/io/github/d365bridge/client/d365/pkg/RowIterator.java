package io.github.d365bridge.client.d365.pkg;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of one entity, read lazily from the package: only the current row is held, so data files
 * of any size can be read. Close it when done (it holds an open zip entry). {@link #hasNext()} and
 * {@link #next()} throw {@link io.github.d365bridge.ground.PermanentFailureException} when the
 * file turns out to be malformed part way through.
 */
public interface RowIterator extends Iterator<PackageRow>, AutoCloseable {

    @Override
    void close();

    /** The rest of the rows as a sequential stream that closes this iterator when it is closed. */
    default Stream<PackageRow> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }
}
