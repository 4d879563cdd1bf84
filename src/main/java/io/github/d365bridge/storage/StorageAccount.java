package io.github.d365bridge.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.models.QueueMessageDecodingError;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;

import io.github.d365bridge.config.StorageConfig;

/**
 * The one place that builds Azure Storage clients. Queue clients always use base64 message encoding,
 * because that is what the Functions queue trigger expects; containers, queues and tables are created
 * on first use. Starts the embedded Azurite when no connection string is configured. Every queue client
 * retries as {@code bridge.storage.queue-retry} says ({@link QueueRetry}).
 */
@ApplicationScoped
public class StorageAccount {

    private final String connectionString;
    private final EmbeddedAzurite azurite;
    private final BlobServiceClient blobs;
    private final QueueServiceClient queues;
    private final com.azure.storage.queue.QueueServiceAsyncClient asyncQueues;
    private final TableServiceClient tables;
    private final QueueRetry queueRetry;
    private final List<HttpPipelinePolicy> policies;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    @Inject
    public StorageAccount(StorageConfig config) {
        String configured = config.connectionString().filter(s -> !s.isBlank()).orElse(null);
        if (configured == null && config.azurite().embedded()) {
            StorageConfig.Azurite settings = config.azurite();
            this.azurite = EmbeddedAzurite.start(settings.command(), Path.of(settings.location()), settings.inMemory(),
                    settings.blobPort(), settings.queuePort(), settings.tablePort());
            this.connectionString = azurite.connectionString();
        } else {
            this.azurite = null;
            this.connectionString = configured;
        }
        this.queueRetry = new QueueRetry(config.queueRetry().maxTries(), config.queueRetry().tryTimeout());
        this.policies = List.of();
        this.blobs = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        this.queues = queueServiceBuilder().buildClient();
        this.asyncQueues = queueServiceBuilder().buildAsyncClient();
        this.tables = new TableServiceClientBuilder().connectionString(connectionString).buildClient();
    }

    /** For callers outside CDI (tests, benchmarks) that already have a connection string. */
    public StorageAccount(String connectionString) {
        this(connectionString, QueueRetry.SDK_DEFAULT);
    }

    /** The same, with the queue clients' retry given. */
    public StorageAccount(String connectionString, QueueRetry queueRetry) {
        this(connectionString, queueRetry, List.of());
    }

    /**
     * The same, with HTTP pipeline policies added to the blob, table and queue clients (a test counts the
     * requests an operation makes with one).
     */
    public StorageAccount(String connectionString, QueueRetry queueRetry, List<HttpPipelinePolicy> policies) {
        this.azurite = null;
        this.connectionString = connectionString;
        this.queueRetry = queueRetry;
        BlobServiceClientBuilder blobBuilder = new BlobServiceClientBuilder().connectionString(connectionString);
        TableServiceClientBuilder tableBuilder = new TableServiceClientBuilder().connectionString(connectionString);
        this.policies = List.copyOf(policies);
        policies.forEach(policy -> {
            blobBuilder.addPolicy(policy);
            tableBuilder.addPolicy(policy);
        });
        this.blobs = blobBuilder.buildClient();
        this.queues = queueServiceBuilder().buildClient();
        this.asyncQueues = queueServiceBuilder().buildAsyncClient();
        this.tables = tableBuilder.buildClient();
    }

    private QueueServiceClientBuilder queueServiceBuilder() {
        QueueServiceClientBuilder builder = new QueueServiceClientBuilder().connectionString(connectionString)
                .messageEncoding(QueueMessageEncoding.BASE64).retryOptions(queueRetry.toOptions());
        policies.forEach(builder::addPolicy);
        return builder;
    }

    /** A base64 queue client; the queue is created if it does not exist yet. */
    public QueueClient queue(String name) {
        QueueClient client = queues.getQueueClient(name);
        ensureCreated("queue:" + name, client::createIfNotExists);
        return client;
    }

    /**
     * A base64 non-blocking queue client, for request paths that must not hold a thread while Storage
     * answers; the queue is created on first use like {@link #queue(String)} does.
     */
    public reactor.core.publisher.Mono<com.azure.storage.queue.QueueAsyncClient> queueAsync(String name) {
        com.azure.storage.queue.QueueAsyncClient client = asyncQueues.getQueueAsyncClient(name);
        if (created.contains("queue:" + name)) {
            return reactor.core.publisher.Mono.just(client);
        }
        return client.createIfNotExists().doOnSuccess(ignored -> created.add("queue:" + name)).thenReturn(client);
    }

    /**
     * A base64 queue client for a consumer. A message that is not valid base64 (sent by a tool that
     * forgot the encoding) is handed to {@code onUndecodable} instead of failing the whole receive,
     * as the Functions host does when it poisons such a message.
     */
    public QueueClient consumerQueue(String name, Consumer<QueueMessageDecodingError> onUndecodable) {
        QueueClientBuilder builder = new QueueClientBuilder().connectionString(connectionString).queueName(name)
                .messageEncoding(QueueMessageEncoding.BASE64).processMessageDecodingError(onUndecodable)
                .retryOptions(queueRetry.toOptions());
        policies.forEach(builder::addPolicy);
        QueueClient client = builder.buildClient();
        client.createIfNotExists();
        return client;
    }

    public BlobContainerClient container(String name) {
        BlobContainerClient client = blobs.getBlobContainerClient(name);
        ensureCreated("container:" + name, client::createIfNotExists);
        return client;
    }

    public TableClient table(String name) {
        ensureCreated("table:" + name, () -> tables.createTableIfNotExists(name));
        return tables.getTableClient(name);
    }

    /**
     * Creates a queue, container or table once per process. Remembered only after the creation succeeded:
     * one that failed (Storage down at the first use) is tried again on the next use instead of being taken
     * for done, which would leave every later write to a resource that does not exist. Two threads may both
     * create it; creating what exists is harmless.
     */
    private void ensureCreated(String key, Runnable create) {
        if (created.contains(key)) {
            return;
        }
        create.run();
        created.add(key);
    }

    public BlobServiceClient blobService() {
        return blobs;
    }

    public QueueServiceClient queueService() {
        return queues;
    }

    public TableServiceClient tableService() {
        return tables;
    }

    /** The connection string in use (contains the account key: never log it). */
    public String connectionString() {
        return connectionString;
    }

    public boolean isEmbedded() {
        return azurite != null;
    }

    @PreDestroy
    void stopEmbedded() {
        if (azurite != null) {
            azurite.close();
        }
    }
}
