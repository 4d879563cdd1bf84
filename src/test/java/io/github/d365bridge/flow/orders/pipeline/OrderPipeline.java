package io.github.d365bridge.flow.orders.pipeline;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.pkg.PackageFolder;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.config.OrderFlowConfig;
import io.github.d365bridge.flow.dmf.DmfConfig;
import io.github.d365bridge.flow.dmf.DmfImportLock;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.dmf.DmfJobStore;
import io.github.d365bridge.flow.dmf.DmfSupervisionOptions;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderIntakeProcessor;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;
import io.github.d365bridge.flow.orders.batch.OrderBatcher;
import io.github.d365bridge.flow.orders.mapping.OrderMapper;
import io.github.d365bridge.flow.orders.outcome.D365OrderLookup;
import io.github.d365bridge.flow.orders.outcome.ImportErrorKeys;
import io.github.d365bridge.flow.orders.outcome.OrderImportOutcome;
import io.github.d365bridge.flow.orders.outcome.OrderWriteBack;
import io.github.d365bridge.flow.orders.reconcile.OrderReconciler;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The order flow's steps wired by hand over both sandboxes and Azurite, as the CDI producers wire them in
 * the app, with tables and queues of its own. The test plays the triggers (batch timer, status queue,
 * write-back and intake queues, reconciler), so it can stop between two steps exactly where a crash would.
 */
final class OrderPipeline {

    final StorageAccount storage;
    final OrderLedger ledger;
    final D365Client d365;
    final String statusQueue;
    private final String ledgerTable;
    private final String locksTable;
    private final String jobsTable;
    /** What the write-back enqueuer was given; {@link #dropNextWriteBacks} makes it fail like a refused enqueue. */
    final List<OrderKey> writeBacks = new CopyOnWriteArrayList<>();
    final List<LedgerEntry> readAgain = new CopyOnWriteArrayList<>();
    final OrderFlowConfig config;
    final MappedOrderStore mapped;
    /** Where this pipeline's batcher writes its packages: a folder of its own, so a test can see it empty. */
    final PackageFolder packages = new PackageFolder(Path.of("target", TestAzurite.uniqueName("packages-")),
            Duration.ofHours(1), Clock.systemUTC());
    final OrderIntakeProcessor intake;
    final DmfImportLock lock;
    final DmfJobStore jobs;
    final DmfJobSupervisor supervisor;
    final OrderBatcher batcher;
    final OrderWriteBack writeBack;
    final OrderReconciler reconciler;
    private final String mappedContainer;
    private final SandboxTls tls;
    private final D365Sandbox d365Sandbox;
    private final CommerceSandbox commerceSandbox;
    private final Map<String, String> settings;
    private final java.util.concurrent.atomic.AtomicInteger dropWriteBacks = new java.util.concurrent.atomic.AtomicInteger();

    OrderPipeline(StorageAccount storage, SandboxTls tls, D365Sandbox d365Sandbox, CommerceSandbox commerceSandbox) {
        this(storage, tls, d365Sandbox, commerceSandbox, Map.of("bridge.orders.batch-max-age", "PT0S",
                "bridge.orders.batch-max-size", "5"));
    }

    OrderPipeline(StorageAccount storage, SandboxTls tls, D365Sandbox d365Sandbox, CommerceSandbox commerceSandbox,
            Map<String, String> settings) {
        this(storage, tls, d365Sandbox, commerceSandbox, settings, TestAzurite.uniqueName("Ledger"),
                TestAzurite.uniqueName("mapped"), TestAzurite.uniqueName("Locks"), TestAzurite.uniqueName("Jobs"),
                TestAzurite.uniqueName("dmf-status"));
    }

    private OrderPipeline(StorageAccount storage, SandboxTls tls, D365Sandbox d365Sandbox,
            CommerceSandbox commerceSandbox, Map<String, String> settings, String ledgerTable, String mappedContainer,
            String locksTable, String jobsTable, String statusQueue) {
        this.storage = storage;
        this.tls = tls;
        this.d365Sandbox = d365Sandbox;
        this.commerceSandbox = commerceSandbox;
        this.settings = settings;
        this.statusQueue = statusQueue;
        this.mappedContainer = mappedContainer;
        this.ledgerTable = ledgerTable;
        this.locksTable = locksTable;
        this.jobsTable = jobsTable;
        this.ledger = new OrderLedger(storage, ledgerTable);
        this.mapped = new MappedOrderStore(storage, mappedContainer);
        this.lock = new DmfImportLock(storage, locksTable);
        this.jobs = new DmfJobStore(storage, jobsTable);
        d365 = d365Client(storage, tls, d365Sandbox);
        Map<String, String> all = new HashMap<>(Map.of("bridge.dmf.job-timeout", "PT2M",
                "bridge.dmf.not-found-grace", "PT3S", "bridge.orders.reconcile-after", "PT0S",
                "bridge.orders.import-retry-delay", "PT0S"));
        all.putAll(settings);
        io.smallrye.config.SmallRyeConfig built = new SmallRyeConfigBuilder().withMapping(OrderFlowConfig.class)
                .withMapping(DmfConfig.class).withDefaultValues(all).build();
        config = built.getConfigMapping(OrderFlowConfig.class);
        DmfConfig dmf = built.getConfigMapping(DmfConfig.class);
        MappingProfile profile = MappingProfileLoader.fromText(defaultProfile(),
                Optional.of("customers:\n  unresolvedCustomer: guest-account\n"), "test override");
        CommerceClient commerce = CommerceClient.create(CommerceClientOptions.builder(commerceSandbox.baseUrl(),
                new CommerceCredentials.OAuth1(commerceSandbox.options().integration())).build());
        intake = new OrderIntakeProcessor(ledger, commerce, new OrderMapper(profile), (reference, email) -> Optional.empty(),
                mapped);
        D365OrderLookup lookup = new D365OrderLookup(d365);
        Consumer<OrderKey> enqueueWriteBack = key -> {
            if (dropWriteBacks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the write-back queue refused " + key);
            }
            writeBacks.add(key);
        };
        OrderImportOutcome outcome = new OrderImportOutcome(ledger, lookup,
                new ImportErrorKeys(d365, Duration.ofMillis(100), Duration.ofSeconds(20), Clock.systemUTC()), d365,
                config, mapped, enqueueWriteBack);
        QueuePublisher publisher = new QueuePublisher(storage,
                new ClaimCheckStore(storage, TestAzurite.uniqueName("claims")), 48 * 1024);
        supervisor = new DmfJobSupervisor(d365, lock, jobs, publisher, statusQueue,
                new DmfSupervisionOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), dmf.jobTimeout(),
                        dmf.notFoundGrace(), Duration.ofSeconds(5)), List.of(outcome), Clock.systemUTC());
        batcher = new OrderBatcher(ledger, mapped, packages, lookup, supervisor, config, enqueueWriteBack,
                readAgain::add, Clock.systemUTC());
        writeBack = new OrderWriteBack(commerce, ledger, true);
        reconciler = new OrderReconciler(ledger, supervisor, readAgain::add, enqueueWriteBack, config.reconcileAfter(),
                config.definitionGroup(), Clock.systemUTC());
    }

    /** A second instance of the bridge: its own objects, the same tables, containers and queues. */
    OrderPipeline sharingTablesWithAnotherInstance() {
        return new OrderPipeline(storage, tls, d365Sandbox, commerceSandbox, settings, ledgerTable, mappedContainer,
                locksTable, jobsTable, statusQueue);
    }

    String ledgerTableName() {
        return ledgerTable;
    }

    String mappedContainerName() {
        return mappedContainer;
    }

    /** The next {@code count} write-back enqueues fail (the queue refused them). */
    void dropNextWriteBacks(int count) {
        dropWriteBacks.set(count);
    }

    /** One batch timer tick over every legal entity with mapped orders. */
    void batchTick() {
        for (String legalEntity : batcher.legalEntitiesWaiting()) {
            batcher.packageReady(legalEntity);
        }
    }

    /** Delivers the status checks that are visible now. */
    void statusChecks() {
        for (QueueMessageItem message : storage.queue(statusQueue).receiveMessages(16, Duration.ofSeconds(1), null,
                null)) {
            JsonNode payload = EnvelopeCodec.decode(message.getBody().toString()).payload();
            try {
                supervisor.check(payload.path("legalEntity").asText(), payload.path("executionId").asText());
            } catch (RuntimeException failed) {
                continue; // as the queue would: the message comes back after its visibility timeout
            }
            storage.queue(statusQueue).deleteMessage(message.getMessageId(), message.getPopReceipt());
        }
    }

    /** Plays the batch timer and the status queue's trigger until no order is on its way any more. */
    void runUntilSettled(Set<OrderKey> keys) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            batchTick();
            statusChecks();
            return keys.stream().map(k -> ledger.find(k).orElseThrow().state())
                    .allMatch(s -> s == OrderState.IMPORTED || s == OrderState.FAILED);
        });
    }

    /** Plays every trigger, the reconciler's too, until each order is WRITTEN_BACK or FAILED. */
    void runUntilFinished(Set<OrderKey> keys, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(300)).until(() -> {
            // each trigger on its own, as the host runs them: a failing one does not stop the others
            for (Runnable trigger : List.<Runnable>of(this::batchTick, this::statusChecks, this::drainIntakeAndWriteBacks,
                    reconciler::run, this::drainIntakeAndWriteBacks)) {
                try {
                    trigger.run();
                } catch (RuntimeException failed) {
                    // retried on the next round, like a timer's next run or a message's redelivery
                }
            }
            return keys.stream().map(k -> ledger.find(k).orElseThrow().state()).allMatch(OrderState::isFinished);
        });
    }

    /** The intake and write-back queues' triggers: what the steps enqueued is handled now. */
    void drainIntakeAndWriteBacks() {
        while (!readAgain.isEmpty()) {
            LedgerEntry entry = readAgain.remove(0);
            intake.process(new OrderReceived(entry.key().storeCode(), entry.key().incrementId(),
                    entry.commerceEntityId(), "reconcile", null), "corr-again");
        }
        while (!writeBacks.isEmpty()) {
            writeBack.writeBack(writeBacks.remove(0));
        }
    }

    private static String defaultProfile() {
        try (var in = OrderPipeline.class.getClassLoader().getResourceAsStream(MappingProfileLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static D365Client d365Client(StorageAccount storage, SandboxTls tls, D365Sandbox d365Sandbox) {
        URI blob = URI.create(storage.blobService().getAccountUrl());
        return D365Client.create(new D365ClientOptions(d365Sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365Sandbox.entraAuthority(), "pipe-app", new D365ClientOptions.Secret("pipe-secret-0123456789"), false,
                Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(tls.trustStore(), "changeit".toCharArray(), "test")),
                Optional.empty()));
    }
}
