package io.github.d365bridge.testing;

import java.util.concurrent.atomic.AtomicLong;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;

import io.github.d365bridge.storage.StorageAccount;

import reactor.core.publisher.Mono;

/**
 * A storage account whose table, blob container and queue clients count the HTTP requests they send (each
 * retry counts too), so a test can tell how many storage round trips an operation costs.
 */
public final class CountingStorage extends StorageAccount {

    private final AtomicLong requests = new AtomicLong();
    private final HttpPipelinePolicy counter = new HttpPipelinePolicy() {
        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            requests.incrementAndGet();
            return next.process();
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            requests.incrementAndGet();
            return next.processSync();
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_RETRY;
        }
    };

    public CountingStorage(String connectionString) {
        super(connectionString);
    }

    @Override
    public TableClient table(String name) {
        super.table(name); // created once, as for the bridge
        return new TableClientBuilder().connectionString(connectionString()).tableName(name).addPolicy(counter)
                .buildClient();
    }

    @Override
    public BlobContainerClient container(String name) {
        super.container(name);
        return new BlobServiceClientBuilder().connectionString(connectionString()).addPolicy(counter).buildClient()
                .getBlobContainerClient(name);
    }

    @Override
    public QueueClient queue(String name) {
        super.queue(name);
        return new QueueClientBuilder().connectionString(connectionString()).queueName(name)
                .messageEncoding(QueueMessageEncoding.BASE64).addPolicy(counter).buildClient();
    }

    public long requests() {
        return requests.get();
    }

    /** Storage requests {@code operation} sends (table clients made before it count too). */
    public long requestsOf(Runnable operation) {
        long before = requests.get();
        operation.run();
        return requests.get() - before;
    }
}
