package io.github.d365bridge.flow.dmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.azure.storage.queue.models.QueueMessageItem;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.client.d365.pkg.DataPackageWriter;
import io.github.d365bridge.client.d365.pkg.PackageDefinition;
import io.github.d365bridge.client.d365.pkg.PackageEntity;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.EnvelopeCodec;
import io.github.d365bridge.storage.MessageEnvelope;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The DMF supervision loop against the D365 sandbox on Azurite: the test plays the queue trigger of the
 * status queue (receives the delayed check messages and calls {@code check}) so each step is visible.
 */
class DmfJobSupervisorTest {

    private static final String HEADERS = "Sales order headers V2";
    private static final String LINES = "Sales order lines V3";
    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final List<DmfJob> FINISHED = new CopyOnWriteArrayList<>();
    private static final List<DmfJob> NEVER_STARTED = new CopyOnWriteArrayList<>();
    /** Ended imports as announced, each with whether its outcome had been handled by then. */
    private static final java.util.Map<String, Boolean> ENDED_BEFORE_OUTCOME = new java.util.concurrent.ConcurrentHashMap<>();

    private static StorageAccount storage;
    private static D365Sandbox sandbox;
    private static D365Client d365;
    private static String customer;
    private static String item;

    @BeforeAll
    static void start() {
        storage = TestAzurite.storage();
        sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("sup-app", "sup-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(300), Duration.ofMillis(1)).build());
        d365 = client(sandbox);
        try (Stream<CustomerV3> c = d365.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all().company("usmf").top(1),
                CustomerV3.class); Stream<ReleasedProductV2> i = d365.odata().stream(ReleasedProductV2.ENTITY_SET,
                        ODataQuery.all().company("usmf").top(1), ReleasedProductV2.class)) {
            customer = c.findFirst().orElseThrow().customerAccount();
            item = i.findFirst().orElseThrow().itemNumber();
        }
    }

    /** A client of {@code d365}, registered as the app every sandbox of this test lists. */
    private static D365Client client(D365Sandbox d365) {
        java.net.URI blob = java.net.URI.create(storage.blobService().getAccountUrl());
        return D365Client.create(new D365ClientOptions(d365.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365.entraAuthority(), "sup-app", new D365ClientOptions.Secret("sup-secret-0123456789"), false,
                Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)),
                List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "test")),
                Optional.empty()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void importIsFollowedToSuccessAndTheProjectIsFreedForTheNext() throws Exception {
        Fixture f = new Fixture(Duration.ofMinutes(5));
        ImportPlan first = f.plan("batch-a");

        DmfJob started = f.supervisor.start(first).orElseThrow();
        assertThat(f.supervisor.start(f.plan("batch-b"))).as("second import of the same project and company waits")
                .isEmpty();
        assertThat(f.supervisor.start(first)).as("a redelivered start finds its job").get()
                .extracting(DmfJob::executionId).isEqualTo(started.executionId());

        f.driveChecksUntil(() -> FINISHED.stream().anyMatch(j -> j.executionId().equals(started.executionId())));
        DmfJob done = FINISHED.stream().filter(j -> j.executionId().equals(started.executionId())).findFirst().orElseThrow();
        assertThat(done.lastStatus()).isEqualTo(DmfExecutionStatus.SUCCEEDED);
        assertThat(f.lock.holder("usmf", "SalesOrderImport")).isEmpty();
        assertThat(ENDED_BEFORE_OUTCOME).as("the end is announced, and before the outcome is worked through")
                .containsEntry(started.executionId(), true);
        assertThat(f.supervisor.start(f.plan("batch-b"))).as("project free again").isPresent();
        assertThat(sandbox.faults().calls("/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities"
                + ".ImportFromPackage")).as("the redelivered start did not import twice").isEqualTo(2);
        f.driveChecksUntil(() -> f.jobs.inFlight().findAny().isEmpty());
    }

    @Test
    void aJobStillExecutingAtItsDeadlineIsFollowedNotFailedAndKeepsItsProject() throws Exception {
        Fixture f = new Fixture(Duration.ofSeconds(3));
        sandbox.faults().stuckDmfJobs(true);
        try {
            DmfJob started = f.supervisor.start(f.plan("stuck")).orElseThrow();
            f.driveChecksUntil(() -> f.jobs.find("usmf", started.executionId()).orElseThrow().overdue());
            DmfJob overdue = f.jobs.find("usmf", started.executionId()).orElseThrow();
            assertThat(f.supervisor.isBusy("usmf", "SalesOrderImport"))
                    .as("D365 would fail a second import of the same entities meanwhile").isTrue();
            assertThat(overdue.isFinished()).as("still followed: D365 may finish it").isFalse();
            assertThat(FINISHED).noneMatch(j -> j.executionId().equals(started.executionId()));
            assertThat(NEVER_STARTED).noneMatch(j -> j.executionId().equals(started.executionId()));
            long checks = overdue.checks();
            f.driveChecksUntil(() -> f.jobs.find("usmf", started.executionId()).orElseThrow().checks() > checks);
            assertThat(f.supervisor.start(f.plan("after-the-deadline"))).as("the next import waits").isEmpty();
        } finally {
            sandbox.faults().stuckDmfJobs(false);
        }
    }

    @Test
    void anExecutionD365DoesNotKnowIsSettledAsNeverStartedAfterTheGraceNotAtTheDeadline() throws Exception {
        // A job recorded against one D365 that a fresh one (a restarted local sandbox) has never heard of.
        Fixture before = new Fixture(Duration.ofMinutes(30));
        DmfJob started = before.supervisor.start(before.plan("forgotten")).orElseThrow();
        try (D365Sandbox fresh = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("sup-app", "sup-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .build())) {
            Fixture after = before.against(client(fresh), Duration.ofSeconds(2));
            long begin = System.nanoTime();
            after.driveChecksUntil(() -> NEVER_STARTED.stream().anyMatch(j -> j.executionId().equals(started.executionId())));
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).as("settled after the grace, not the 30 min deadline")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(after.jobs.find("usmf", started.executionId()).orElseThrow().isFinished()).isTrue();
            assertThat(after.lock.holder("usmf", "SalesOrderImport")).as("the project is free at once").isEmpty();
            assertThat(FINISHED).noneMatch(j -> j.executionId().equals(started.executionId()));
        }
    }

    /** One supervisor with its own tables and queue, so the tests do not share state. */
    private final class Fixture {
        final DmfImportLock lock;
        final DmfJobStore jobs;
        final String queue;
        final Duration jobTimeout;
        final DmfJobSupervisor supervisor;

        Fixture(Duration jobTimeout) {
            this(d365, new DmfImportLock(storage, TestAzurite.uniqueName("Locks")),
                    new DmfJobStore(storage, TestAzurite.uniqueName("Jobs")), TestAzurite.uniqueName("dmf-status"),
                    jobTimeout, Duration.ofMinutes(2));
        }

        /** The same tables and queue, through another D365 client and not-found grace. */
        Fixture against(D365Client client, Duration notFoundGrace) {
            return new Fixture(client, lock, jobs, queue, jobTimeout, notFoundGrace);
        }

        Fixture(D365Client client, DmfImportLock lock, DmfJobStore jobs, String queue, Duration jobTimeout,
                Duration notFoundGrace) {
            this.lock = lock;
            this.jobs = jobs;
            this.queue = queue;
            this.jobTimeout = jobTimeout;
            QueuePublisher publisher = new QueuePublisher(storage,
                    new ClaimCheckStore(storage, TestAzurite.uniqueName("claims")), 48 * 1024);
            supervisor = new DmfJobSupervisor(client, lock, jobs, publisher, queue,
                    new DmfSupervisionOptions(Duration.ofSeconds(1), Duration.ofSeconds(2), jobTimeout, notFoundGrace,
                            Duration.ofSeconds(5)),
                    List.of(new RecordingListener()), Clock.systemUTC(), ended -> ENDED_BEFORE_OUTCOME.put(
                            ended.executionId(), FINISHED.stream().noneMatch(j -> j.executionId().equals(ended.executionId()))));
        }

        ImportPlan plan(String batch) throws Exception {
            String reference = "default:" + UUID.randomUUID();
            PackageDefinition definition = PackageDefinition.of("SalesOrderImport", "orders",
                    PackageEntity.of(HEADERS, "SalesOrderHeadersV2", List.of("SALESORDERNUMBER",
                            "ORDERINGCUSTOMERACCOUNTNUMBER", "CUSTOMERSORDERREFERENCE")).withPosition(1, 1, 1),
                    PackageEntity.of(LINES, "SalesOrderLinesV3", List.of("SALESORDERNUMBER", "LINENUMBER",
                            "ITEMNUMBER", "ORDEREDSALESQUANTITY")).withPosition(1, 2, 1));
            Path zip = Files.createTempFile("batch-", ".zip");
            try (var out = Files.newOutputStream(zip); DataPackageWriter writer = new DataPackageWriter(out, definition)) {
                writer.writeEntity(HEADERS, List.of(List.of("P1", customer, reference)).iterator());
                writer.writeEntity(LINES, List.of(List.of("P1", "1", item, "1")).iterator());
            }
            return new ImportPlan("orders", batch + "-" + UUID.randomUUID(), 1, "usmf", "SalesOrderImport",
                    List.of(HEADERS, LINES), zip);
        }

        /** Plays the status queue's trigger: delivers each check message when it becomes visible. */
        void driveChecksUntil(java.util.concurrent.Callable<Boolean> done) {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (QueueMessageItem message : storage.queue(queue).receiveMessages(16, Duration.ofSeconds(30),
                        null, null)) {
                    MessageEnvelope check = EnvelopeCodec.decode(message.getBody().toString());
                    supervisor.check(check.payload().path("legalEntity").asText(),
                            check.payload().path("executionId").asText());
                    storage.queue(queue).deleteMessage(message.getMessageId(), message.getPopReceipt());
                }
                return done.call();
            });
        }
    }

    private static final class RecordingListener implements DmfJobListener {
        @Override
        public String purpose() {
            return "orders";
        }

        @Override
        public void onFinished(DmfJob job) {
            FINISHED.add(job);
        }

        @Override
        public void onNeverStarted(DmfJob job) {
            NEVER_STARTED.add(job);
        }
    }
}
