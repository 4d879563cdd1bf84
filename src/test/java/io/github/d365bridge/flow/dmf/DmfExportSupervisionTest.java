package io.github.d365bridge.flow.dmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.azure.storage.queue.models.QueueMessageItem;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.entities.WarehouseOnHandV2;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.client.d365.pkg.DataPackageReader;
import io.github.d365bridge.client.d365.pkg.RowIterator;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.d365.AnswerLoss;
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
 * DMF exports under the supervision imports have, against the D365 sandbox over HTTP on Azurite: the test
 * plays the status queue's trigger (a check that throws leaves its message, which comes back after its
 * visibility timeout, as under the host). Each fault is one that hurts: the answer of ExportToPackage lost
 * after D365 started the job, a process killed between recording the job and submitting it, a job that
 * finishes after its deadline, a flow that fails while reading the package. Every case ends with the
 * package read exactly once to the end, with as many rows as D365 holds.
 */
class DmfExportSupervisionTest {

    private static final String PROJECT = "OnHandExport";
    private static final String EXPORT_PATH = "/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.ExportToPackage";
    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");

    private static StorageAccount storage;
    private static D365Sandbox sandbox;
    private static D365Client d365;
    private static long onHandRows;

    /** Per execution: the rows read by a listener call that read the package to its end. */
    private final Map<String, Long> completeReads = new ConcurrentHashMap<>();
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final List<String> neverStarted = new CopyOnWriteArrayList<>();
    private final AtomicInteger listenerFailuresToInject = new AtomicInteger();

    @BeforeAll
    static void start() {
        storage = TestAzurite.storage();
        sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("exp-app", "exp-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(300), Duration.ofMillis(1)).build());
        d365 = client(sandbox);
        onHandRows = d365.odata().count(WarehouseOnHandV2.ENTITY_SET, ODataQuery.all().company("usmf"));
        assertThat(onHandRows).as("on-hand rows of usmf in the sandbox").isPositive();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void clearFaults() {
        sandbox.faults().clear();
        sandbox.faults().resetCounters();
    }

    @Test
    void anExportIsFollowedToItsPackageAndReadToTheEnd() {
        Fixture f = new Fixture(Duration.ofMinutes(5), Duration.ofMinutes(2));
        ExportPlan plan = f.plan();
        DmfJob started = f.supervisor.startExport(plan).orElseThrow();
        assertThat(started.kind()).isEqualTo(DmfJobKind.EXPORT);
        assertThat(f.supervisor.isBusy("usmf", PROJECT)).as("the project is held while the export runs").isTrue();

        f.driveChecksUntil(() -> completeReads.containsKey(plan.executionId()));

        assertThat(completeReads).containsEntry(plan.executionId(), onHandRows);
        assertThat(finished).containsExactly(plan.executionId());
        DmfJob settled = f.jobs.find("usmf", plan.executionId()).orElseThrow();
        assertThat(settled.isFinished()).isTrue();
        assertThat(settled.lastStatus()).isEqualTo(DmfExecutionStatus.SUCCEEDED);
        assertThat(f.supervisor.isBusy("usmf", PROJECT)).isFalse();
        assertThatThrownBy(() -> f.supervisor.startExport(plan)).as("a redelivered start of a settled export")
                .isInstanceOf(DmfImportNotStartedException.class);
    }

    @Test
    void anExportWhoseStartAnswerWasLostIsFollowedNotStartedTwice() {
        // D365 starts the job, the answer is reset on the way back; the client's retry meets "already in use".
        sandbox.faults().loseAnswers("ExportToPackage", 0, 1, AnswerLoss.How.RESET);
        Fixture f = new Fixture(Duration.ofMinutes(5), Duration.ofMinutes(2));
        ExportPlan plan = f.plan();

        DmfJob started = f.supervisor.startExport(plan).orElseThrow();
        f.driveChecksUntil(() -> completeReads.containsKey(plan.executionId()));

        assertThat(sandbox.faults().injected()).containsEntry(AnswerLoss.KIND, 1L);
        assertThat(sandbox.faults().calls(EXPORT_PATH)).as("the lost call and its retry").isEqualTo(2);
        assertThat(started.refusal()).as("the retry was refused: the first try had created the job")
                .contains("already in use");
        assertThat(finished).containsExactly(plan.executionId());
        assertThat(neverStarted).isEmpty();
        assertThat(completeReads).containsExactly(Map.entry(plan.executionId(), onHandRows));
    }

    @Test
    void anExportRecordedByAProcessKilledBeforeItsSubmitIsStartedAgainAfterTheGrace() {
        Fixture f = new Fixture(Duration.ofMinutes(30), Duration.ofSeconds(2));
        ExportPlan first = f.plan();
        // What a process killed between recording the job and calling ExportToPackage leaves behind: the
        // job record (no submission) and the project lock, nothing in D365.
        Instant now = Instant.now();
        assertThat(f.lock.tryAcquire("usmf", PROJECT, first.executionId(), now.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(f.jobs.insert(DmfJob.recorded(first, now, now.plus(Duration.ofMinutes(30)), 1))).isTrue();

        // The reconciler's pass finds the job quiet and checks it; the flow starts the next attempt when told.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            f.supervisor.resume(f.jobs.find("usmf", first.executionId()).orElseThrow());
            f.deliverVisibleChecks();
            return neverStarted.contains(first.executionId());
        });
        ExportPlan second = new ExportPlan(first.purpose(), first.runId(), 2, "usmf", PROJECT);
        f.supervisor.startExport(second).orElseThrow();
        f.driveChecksUntil(() -> completeReads.containsKey(second.executionId()));

        assertThat(neverStarted).containsExactly(first.executionId());
        assertThat(finished).containsExactly(second.executionId());
        assertThat(completeReads).containsExactly(Map.entry(second.executionId(), onHandRows));
        assertThat(f.jobs.find("usmf", first.executionId()).orElseThrow().isFinished()).isTrue();
    }

    @Test
    void anExportFinishingAfterItsDeadlineIsWaitedForAndReadOnceNotRepeated() {
        Fixture f = new Fixture(Duration.ofSeconds(2), Duration.ofMinutes(2));
        sandbox.faults().lateDmfJobs(1, 0, Duration.ofSeconds(6));
        ExportPlan plan = f.plan();
        f.supervisor.startExport(plan).orElseThrow();

        f.driveChecksUntil(() -> f.jobs.find("usmf", plan.executionId()).orElseThrow().overdue());
        assertThat(completeReads).as("not finished at the deadline").isEmpty();
        assertThat(f.supervisor.isBusy("usmf", PROJECT)).as("an overdue export keeps its project").isTrue();

        f.driveChecksUntil(() -> completeReads.containsKey(plan.executionId()));
        assertThat(sandbox.faults().injected()).containsEntry("lateJob", 1L);
        assertThat(finished).containsExactly(plan.executionId());
        assertThat(neverStarted).isEmpty();
        assertThat(completeReads).containsExactly(Map.entry(plan.executionId(), onHandRows));
    }

    @Test
    void aFlowFailingWhileItReadsThePackageGetsItAgainFromTheRedeliveredCheck() {
        Fixture f = new Fixture(Duration.ofMinutes(5), Duration.ofMinutes(2));
        listenerFailuresToInject.set(1);
        ExportPlan plan = f.plan();
        f.supervisor.startExport(plan).orElseThrow();

        f.driveChecksUntil(() -> completeReads.containsKey(plan.executionId()));

        assertThat(listenerFailuresToInject.get()).as("the injected failure happened").isZero();
        assertThat(finished).as("handed over twice: the failed read and the one after").containsExactly(
                plan.executionId(), plan.executionId());
        assertThat(completeReads).containsExactly(Map.entry(plan.executionId(), onHandRows));
        assertThat(f.jobs.find("usmf", plan.executionId()).orElseThrow().isFinished()).isTrue();
    }

    private static D365Client client(D365Sandbox d365) {
        java.net.URI blob = java.net.URI.create(storage.blobService().getAccountUrl());
        return D365Client.create(new D365ClientOptions(d365.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365.entraAuthority(), "exp-app", new D365ClientOptions.Secret("exp-secret-0123456789"), false,
                Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)),
                List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "test")),
                Optional.empty()));
    }

    /** One supervisor with its own tables and queue. */
    private final class Fixture {
        final DmfImportLock lock = new DmfImportLock(storage, TestAzurite.uniqueName("Locks"));
        final DmfJobStore jobs = new DmfJobStore(storage, TestAzurite.uniqueName("Jobs"));
        final String queue = TestAzurite.uniqueName("dmf-status");
        final DmfJobSupervisor supervisor;

        Fixture(Duration jobTimeout, Duration notFoundGrace) {
            QueuePublisher publisher = new QueuePublisher(storage,
                    new ClaimCheckStore(storage, TestAzurite.uniqueName("claims")), 48 * 1024);
            supervisor = new DmfJobSupervisor(d365, lock, jobs, publisher, queue,
                    new DmfSupervisionOptions(Duration.ofSeconds(1), Duration.ofSeconds(2), jobTimeout, notFoundGrace,
                            Duration.ofSeconds(1)),
                    List.of(new ReadingListener(this)), Clock.systemUTC());
        }

        ExportPlan plan() {
            return new ExportPlan("stock", "run-" + UUID.randomUUID(), 1, "usmf", PROJECT);
        }

        void driveChecksUntil(java.util.concurrent.Callable<Boolean> done) {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() -> {
                deliverVisibleChecks();
                return done.call();
            });
        }

        /** Delivers each visible check; one that throws stays and comes back after its visibility timeout. */
        void deliverVisibleChecks() {
            for (QueueMessageItem message : storage.queue(queue).receiveMessages(16, Duration.ofSeconds(2), null, null)) {
                MessageEnvelope check = EnvelopeCodec.decode(message.getBody().toString());
                try {
                    supervisor.check(check.payload().path("legalEntity").asText(),
                            check.payload().path("executionId").asText());
                } catch (RuntimeException failed) {
                    continue;
                }
                storage.queue(queue).deleteMessage(message.getMessageId(), message.getPopReceipt());
            }
        }
    }

    /** The flow's side: reads the package to its end, counting rows, and may fail half-way once. */
    private final class ReadingListener implements DmfJobListener {
        private final Fixture fixture;

        ReadingListener(Fixture fixture) {
            this.fixture = fixture;
        }

        @Override
        public String purpose() {
            return "stock";
        }

        @Override
        public void onFinished(DmfJob job) {
            finished.add(job.executionId());
            long rows = 0;
            try (DataPackageReader reader = fixture.supervisor.openExport(job);
                    RowIterator it = reader.rows(reader.entities().get(0))) {
                while (it.hasNext()) {
                    it.next();
                    rows++;
                    if (rows == onHandRows / 2 && listenerFailuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new IllegalStateException("injected: the flow failed half-way through the package");
                    }
                }
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            completeReads.merge(job.executionId(), rows, (a, b) -> {
                throw new AssertionError("package of " + job.executionId() + " read to the end twice");
            });
        }

        @Override
        public void onNeverStarted(DmfJob job) {
            neverStarted.add(job.executionId());
        }
    }
}
