package io.github.d365bridge.flow.customers.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;

import reactor.core.publisher.Mono;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.dmf.DmfExecutionStatus;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataKey;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.dmf.DmfImportLock;
import io.github.d365bridge.flow.dmf.DmfJobStore;
import io.github.d365bridge.flow.dmf.DmfJobSupervisor;
import io.github.d365bridge.flow.dmf.DmfSupervisionOptions;
import io.github.d365bridge.flow.dmf.ExportPlan;
import io.github.d365bridge.flow.sync.SyncCounters;
import io.github.d365bridge.flow.sync.SyncEngine;
import io.github.d365bridge.flow.sync.SyncEngine.RunRequest;
import io.github.d365bridge.flow.sync.SyncRun;
import io.github.d365bridge.flow.sync.SyncRunStore;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.flow.sync.SyncSteps;
import io.github.d365bridge.flow.sync.export.DmfExportSource;
import io.github.d365bridge.flow.sync.export.SnapshotStore;
import io.github.d365bridge.flow.sync.export.SyncExportListener;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.AnswerLoss;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.ClaimCheckStore;
import io.github.d365bridge.storage.QueuePublisher;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.ExportStepDriver;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The customer sync reading DMF exports instead of OData, end to end: the D365 sandbox exports the
 * {@code CustomerExport} data project into Azurite, the supervisor follows each export through real status-check
 * messages on an Azurite queue (a check that throws comes back after its visibility timeout, as under the host),
 * the real {@link SyncExportListener} spools the package into the run's snapshot, and the pages write to the
 * Commerce sandbox. The test plays the sync queue, every step delivered twice. Faults: the answer of
 * ExportToPackage lost after D365 started the job, D365 failing while the package URL is fetched (the spooling
 * check throws and is redelivered), exports D365 ends Failed, and a partial export.
 */
class CustomerSyncExportTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final String PROJECT = "CustomerExport";
    private static final String EXPORT_PATH = "/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.ExportToPackage";
    private static final String PACKAGE_URL_PATH = "/data/DataManagementDefinitionGroups/Microsoft.Dynamics.DataEntities.GetExportedPackageUrl";

    private StorageAccount storage;
    private D365Sandbox d365Sandbox;
    private CommerceSandbox commerceSandbox;
    private D365Client d365;
    private SyncStateStore state;
    private SnapshotStore snapshots;
    private DmfJobStore jobs;
    private String statusQueue;
    private DmfJobSupervisor supervisor;
    private ExportStepDriver driver;
    private final java.util.concurrent.atomic.AtomicInteger pageTwoFailures = new java.util.concurrent.atomic.AtomicInteger();
    private SyncEngine engine;

    @BeforeEach
    void start() {
        storage = TestAzurite.storage();
        d365Sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("exp-sync", "exp-sync-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(300), Duration.ofMillis(1)).build());
        commerceSandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().build());
        URI blob = URI.create(storage.blobService().getAccountUrl());
        d365 = D365Client.create(new D365ClientOptions(d365Sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365Sandbox.entraAuthority(), "exp-sync", new D365ClientOptions.Secret("exp-sync-secret-0123456789"),
                false, Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(blob.getHost() + ":" + blob.getPort()),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), "changeit".toCharArray(), "test")), Optional.empty()));
        CommerceClient commerce = CommerceClient.create(CommerceClientOptions.builder(commerceSandbox.baseUrl(),
                new CommerceCredentials.OAuth1(commerceSandbox.options().integration())).build());
        state = new SyncStateStore(storage, TestAzurite.uniqueName("SyncState"));
        // the snapshots' storage fails the next upload of a second page while pageTwoFailures says so
        HttpPipelinePolicy failPageTwo = new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                if (context.getHttpRequest().getHttpMethod() == HttpMethod.PUT
                        && context.getHttpRequest().getUrl().getPath().endsWith("page-000001.jsonl.gz")
                        && pageTwoFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return Mono.error(new IllegalStateException("injected: the snapshot's second page was not written"));
                }
                return next.process();
            }

            @Override
            public HttpPipelinePosition getPipelinePosition() {
                return HttpPipelinePosition.PER_CALL;
            }
        };
        snapshots = new SnapshotStore(new StorageAccount(storage.connectionString(), io.github.d365bridge.storage.QueueRetry
                .SDK_DEFAULT, List.of(failPageTwo)), TestAzurite.uniqueName("snapshots").toLowerCase(java.util.Locale.ROOT));
        jobs = new DmfJobStore(storage, TestAzurite.uniqueName("Jobs"));
        statusQueue = TestAzurite.uniqueName("dmf-status");
        QueuePublisher publisher = new QueuePublisher(storage, new ClaimCheckStore(storage, TestAzurite.uniqueName("claims")),
                48 * 1024);
        SyncExportListener listener = new SyncExportListener(() -> engine);
        supervisor = new DmfJobSupervisor(d365, new DmfImportLock(storage, TestAzurite.uniqueName("Locks")), jobs,
                publisher, statusQueue, new DmfSupervisionOptions(Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(1)),
                List.of(listener), Clock.systemUTC());
        driver = new ExportStepDriver(() -> engine, () -> supervisor, storage, statusQueue);
        SyncSteps queue = driver.steps();
        CustomerSyncFlow flow = new CustomerSyncFlow(() -> d365, () -> commerce,
                MappingProfileLoader.load(Optional.empty()).customerSync(),
                new CustomerCrossReference(storage, TestAzurite.uniqueName("Xref")), 20, 4,
                CustomerSyncWriter.BulkOptions.NEVER,
                Optional.of(new CustomerSyncFlow.Export(PROJECT, () -> supervisor, snapshots)));
        engine = new SyncEngine(state, new SyncRunStore(storage, TestAzurite.uniqueName("SyncRuns")), queue,
                List.of(flow), Duration.ofMinutes(10), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    /** Runs sync steps (each twice) and delivers status checks until the run has finished. */
    private SyncEngine.RunSummary run() {
        SyncRun run = engine.start(CustomerSyncFlow.NAME, RunRequest.full("test")).orElseThrow();
        driver.untilFinished(CustomerSyncFlow.NAME);
        SyncEngine.RunSummary summary = engine.latest(CustomerSyncFlow.NAME, 1).get(0);
        assertThat(summary.run().runId()).isEqualTo(run.runId());
        assertThat(summary.run().finishedAt()).isPresent();
        return summary;
    }

    private List<CustomerV3> customers(String legalEntity) {
        try (Stream<CustomerV3> rows = d365.odata().stream(CustomerV3.ENTITY_SET, ODataQuery.all().company(legalEntity),
                CustomerV3.class)) {
            return rows.toList();
        }
    }




    private String executionId(SyncRun run, String legalEntity, int attempt) {
        return new ExportPlan(DmfExportSource.PURPOSE_PREFIX + CustomerSyncFlow.NAME, run.runId(), attempt, legalEntity,
                PROJECT).executionId();
    }

    @Test
    void aRunReadsTheExportsWritesWhatD365HoldsThenWritesNothingUnchangedAndFindsARemovalInTheSnapshot() {
        List<CustomerV3> all = Stream.concat(customers("usmf").stream(), customers("demf").stream()).toList();
        long writable = all.stream().filter(CustomerExpectations::writable).count();
        long refused = all.stream().filter(CustomerExpectations::writable).filter(CustomerSyncMapper::isOrganisation)
                .filter(CustomerExpectations::regionMissing).count();
        long odataReadsBefore = d365Sandbox.faults().calls("/data/CustomersV3");

        SyncEngine.RunSummary first = run();

        SyncCounters full = first.counters();
        assertThat(full.read()).as("counts: %s", full).isEqualTo(all.size());
        assertThat(full.written()).as("counts: %s", full).isEqualTo(writable - refused);
        assertThat(full.failed()).isEqualTo(refused);
        assertThat(full.adopted()).as("nothing met twice").isZero();
        assertThat(full.skipped()).isEqualTo(all.size() - writable);
        assertThat(d365Sandbox.faults().calls("/data/CustomersV3") - odataReadsBefore)
                .as("customers read from the exports, not OData").isZero();
        assertThat(d365Sandbox.faults().calls(EXPORT_PATH)).as("one export per legal entity").isEqualTo(2);
        assertThat(first.legalEntities()).allMatch(p -> p.attempt() == 1 && !p.partial());
        for (String legalEntity : List.of("usmf", "demf")) {
            assertThat(jobs.find(legalEntity, executionId(first.run(), legalEntity, 1)).orElseThrow().lastStatus())
                    .isEqualTo(DmfExecutionStatus.SUCCEEDED);
            assertThat(snapshots.manifest(CustomerSyncFlow.NAME, first.run().runId(), legalEntity))
                    .as("the snapshot is deleted once its legal entity is done").isEmpty();
        }
        List<Long> customerIds = commerceSandbox.data().customers().stream().map(c -> c.path("id").asLong()).toList();
        assertThat(customerIds).doesNotHaveDuplicates();

        long writesBefore = CustomerExpectations.commerceWrites(commerceSandbox);
        SyncCounters again = run().counters();
        assertThat(CustomerExpectations.commerceWrites(commerceSandbox) - writesBefore).as("Commerce writes of a run without changes").isZero();
        assertThat(again.unchanged()).isEqualTo(all.size());

        CustomerV3 gone = customers("demf").get(2);
        assertThat(d365.odata().delete(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", "demf", "CustomerAccount",
                gone.customerAccount()))).isTrue();
        SyncCounters third = run().counters();
        assertThat(third.removed()).as("counts: %s", third).isEqualTo(1);
        assertThat(third.read()).isEqualTo(all.size() - 1);
        assertThat(state.find(CustomerSyncFlow.NAME, "demf", List.of(gone.customerAccount())).get(gone.customerAccount())
                .removed()).isTrue();
    }

    @Test
    void aLostStartAnswerAndAFailedPackageFetchStillReadEachExportOnceAndWriteEachCustomerOnce() {
        // D365 starts the first export, its answer is reset; the client's retry meets "already in use"
        d365Sandbox.faults().loseAnswers("ExportToPackage", 0, 1, AnswerLoss.How.RESET);
        List<CustomerV3> all = Stream.concat(customers("usmf").stream(), customers("demf").stream()).toList();
        long writable = all.stream().filter(CustomerExpectations::writable).count();
        long refused = all.stream().filter(CustomerExpectations::writable).filter(CustomerSyncMapper::isOrganisation)
                .filter(CustomerExpectations::regionMissing).count();
        // and the first write of a snapshot's second page fails: the check that saw the export end throws in the
        // middle of spooling it, and the redelivered check spools the package again from the start
        pageTwoFailures.set(1);
        SyncEngine.RunSummary summary = run();

        assertThat(d365Sandbox.faults().injected()).containsEntry(AnswerLoss.KIND, 1L);
        SyncCounters counters = summary.counters();
        assertThat(counters.read()).as("counts: %s", counters).isEqualTo(all.size());
        assertThat(counters.written()).isEqualTo(writable - refused);
        assertThat(summary.legalEntities()).as("no second export attempt was needed").allMatch(p -> p.attempt() == 1);
        assertThat(d365Sandbox.faults().calls(EXPORT_PATH)).as("two exports and the lost one's retry").isEqualTo(3);
        assertThat(pageTwoFailures.get()).as("the spooling failure happened").isZero();
        assertThat(d365Sandbox.faults().calls(PACKAGE_URL_PATH)).as("the package fetched again after it")
                .isGreaterThanOrEqualTo(3);
        assertThat(commerceSandbox.data().customers().stream().map(c -> c.path("website_id").asInt() + "|"
                + c.path("email").asText().toLowerCase(java.util.Locale.ROOT)).distinct().count())
                .isEqualTo(commerceSandbox.data().customers().size());
    }


    @Test
    void aFailedExportIsTriedAgainAPartialOneRemovesNothingAndThreeFailuresEndTheLegalEntityWithTheReason() {
        List<CustomerV3> all = Stream.concat(customers("usmf").stream(), customers("demf").stream()).toList();
        d365Sandbox.faults().endNextExports(1, "Failed");

        SyncEngine.RunSummary retried = run();

        assertThat(retried.counters().read()).isEqualTo(all.size());
        assertThat(retried.legalEntities()).extracting(p -> p.attempt()).containsExactlyInAnyOrder(1, 2);
        assertThat(d365Sandbox.faults().calls(EXPORT_PATH)).isEqualTo(3);

        // a customer leaves D365, and the next export is partial: what it has is compared, nothing removed
        CustomerV3 gone = customers("usmf").get(1);
        assertThat(d365.odata().delete(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", "usmf", "CustomerAccount",
                gone.customerAccount()))).isTrue();
        d365Sandbox.faults().endNextExports(2, "PartiallySucceeded");
        long writesBefore = CustomerExpectations.commerceWrites(commerceSandbox);
        SyncEngine.RunSummary partial = run();
        assertThat(partial.counters().removed()).as("counts: %s", partial.counters()).isZero();
        assertThat(partial.counters().read()).isLessThan(all.size() - 1).isGreaterThan((all.size() - 1) * 8 / 10);
        assertThat(partial.counters().reasons().keySet()).anyMatch(r -> r.startsWith("removals not judged"));
        assertThat(partial.legalEntities()).allMatch(p -> p.partial());
        assertThat(CustomerExpectations.commerceWrites(commerceSandbox) - writesBefore).isZero();
        assertThat(state.find(CustomerSyncFlow.NAME, "usmf", List.of(gone.customerAccount())).get(gone.customerAccount())
                .removed()).as("not removed on a partial export").isFalse();

        // every export of usmf fails: after three attempts usmf ends with the reason; demf is synced
        d365Sandbox.faults().endNextExports(6, "Failed");
        SyncEngine.RunSummary failed = run();
        assertThat(failed.legalEntities()).allMatch(p -> p.attempt() == 3 && p.done());
        assertThat(failed.counters().failed()).isEqualTo(2);
        assertThat(failed.counters().reasons().keySet()).anyMatch(r -> r.startsWith("snapshot: D365 ended export"));
        assertThat(failed.counters().removed()).isZero();
        assertThat(state.find(CustomerSyncFlow.NAME, "usmf", List.of(gone.customerAccount())).get(gone.customerAccount())
                .removed()).isFalse();
    }
}
