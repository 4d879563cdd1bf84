package io.github.d365bridge.testing;

import java.util.List;

import io.github.d365bridge.storage.QueueRetry;
import io.github.d365bridge.storage.StorageAccount;

/**
 * A storage account whose blob, table and queue clients count the HTTP requests they send (each retry
 * counts too), so a test can tell how many storage round trips an operation costs.
 */
public final class CountingStorage extends StorageAccount {

    private final StorageRequestCounter counter;

    public CountingStorage(String connectionString) {
        this(connectionString, new StorageRequestCounter());
    }

    private CountingStorage(String connectionString, StorageRequestCounter counter) {
        super(connectionString, QueueRetry.SDK_DEFAULT, List.of(counter));
        this.counter = counter;
    }

    public long requests() {
        return counter.count();
    }

    /** Storage requests {@code operation} sends. */
    public long requestsOf(Runnable operation) {
        long before = counter.count();
        operation.run();
        return counter.count() - before;
    }
}
