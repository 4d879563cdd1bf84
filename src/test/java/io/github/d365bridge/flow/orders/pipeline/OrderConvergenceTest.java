package io.github.d365bridge.flow.orders.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.dmf.DmfImportNotStartedException;
import io.github.d365bridge.flow.dmf.ImportPlan;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.batch.OrderBatcher;
import io.github.d365bridge.flow.orders.mapping.SalesOrderPackage;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.AnswerLoss;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * Each way an order can be stopped between two steps, produced for real over both sandboxes and Azurite,
 * and each ending with every order in D365 exactly once and written back, without an operator: an import
 * whose answer was lost after D365 created it, a job that finishes after its deadline, a crash between
 * claiming a batch and recording its import (before and after the import was submitted), mapped rows that
 * are gone, an order seen again after retention removed it, a write-back the queue refused, a replay that died before its enqueue, and two instances
 * packaging the same company at once.
 */
class OrderConvergenceTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");

    private static final String IMPORT_FROM_PACKAGE = "/data/DataManagementDefinitionGroups/Microsoft.Dynamics"
            + ".DataEntities.ImportFromPackage";

    private static StorageAccount storage;

    @BeforeAll
    static void start() {
        storage = TestAzurite.storage();
    }

    @AfterAll
    static void stop() {
        // the sandboxes are per test (each counts what reached it); Azurite is shared by the test JVM
    }

    @Test
    void anImportWhoseAnswerWasLostAfterD365CreatedItIsFollowedNotImportedAgain() {
        try (Setup s = new Setup(4, Map.of())) {
            s.d365.faults().loseAnswers("ImportFromPackage", 0, 1, AnswerLoss.How.RESET);
            s.receiveAll();
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(90));
            assertThat(s.d365.faults().injected()).containsEntry("answerLost.ImportFromPackage", 1L);
            s.assertEachOnceInD365AndWrittenBack();
            assertThat(s.p.ledger.find(s.keys.iterator().next()).orElseThrow().attempts()).isZero();
        }
    }

    @Test
    void aJobThatFinishesAfterItsDeadlineImportsItsOrdersOnceAndNoneFails() {
        try (Setup s = new Setup(3, Map.of("bridge.dmf.job-timeout", "PT2S"))) {
            s.d365.faults().lateDmfJobs(1, 0, Duration.ofSeconds(8));
            s.receiveAll();
            String legalEntity = s.p.ledger.find(s.keys.iterator().next()).orElseThrow().legalEntity();
            var job = s.p.batcher.packageReady(legalEntity).orElseThrow();
            // past the deadline: followed, its orders neither packaged again nor failed
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> {
                        s.p.statusChecks();
                        return s.p.jobs.find(legalEntity, job.executionId()).orElseThrow().overdue();
                    });
            assertThat(s.keys).allSatisfy(k -> assertThat(s.p.ledger.find(k).orElseThrow().state())
                    .isEqualTo(OrderState.IMPORTING));
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            assertThat(s.d365.faults().injected()).containsEntry("lateJob", 1L);
            s.assertEachOnceInD365AndWrittenBack();
        }
    }

    @Test
    void aCrashAfterTheImportWasSubmittedButBeforeItWasRecordedConverges() throws Exception {
        try (Setup s = new Setup(3, Map.of())) {
            s.receiveAll();
            // the batch timer dies right after D365 accepted the import: orders PACKAGED, job recorded
            String legalEntity = s.claimAndCrash(true).legalEntity();
            assertThat(s.keys).allSatisfy(k -> assertThat(s.p.ledger.find(k).orElseThrow().state())
                    .isEqualTo(OrderState.PACKAGED));
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            s.assertEachOnceInD365AndWrittenBack();
            assertThat(s.p.supervisor.isBusy(legalEntity, s.p.config.definitionGroup())).isFalse();
        }
    }

    @Test
    void aCrashAfterClaimingButBeforeAnythingWasSubmittedConvergesAndTheStalledPackagerSubmitsNothing()
            throws Exception {
        try (Setup s = new Setup(3, Map.of())) {
            s.receiveAll();
            // or the packager only stalled (a long GC pause) and comes back after the reconciler moved on
            ImportPlan stalled = s.claimAndCrash(false);
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            s.assertEachOnceInD365AndWrittenBack();
            assertThat(s.keys).allSatisfy(k -> assertThat(s.p.ledger.find(k).orElseThrow().attempts()).isZero());

            long imports = s.d365.faults().calls(IMPORT_FROM_PACKAGE);
            assertThatThrownBy(() -> s.p.supervisor.start(stalled.withPackage(s.packageOf(s.keys))))
                    .isInstanceOf(DmfImportNotStartedException.class).hasMessageContaining("given up");
            assertThat(s.d365.faults().calls(IMPORT_FROM_PACKAGE)).as("nothing submitted").isEqualTo(imports);
            s.assertEachOnceInD365AndWrittenBack();
        }
    }

    @Test
    void anOrderWhoseMappedRowsAreGoneIsMappedAgainInsteadOfStoppingItsBatch() {
        try (Setup s = new Setup(3, Map.of())) {
            s.receiveAll();
            OrderKey gone = s.keys.iterator().next();
            storage.container(s.mappedContainer).getBlobClient(
                    gone.storeCode() + "/" + gone.incrementId() + ".json").delete();
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            s.assertEachOnceInD365AndWrittenBack();
        }
    }

    @Test
    void aWriteBackTheQueueRefusedIsEnqueuedAgain() {
        try (Setup s = new Setup(3, Map.of())) {
            s.p.dropNextWriteBacks(2);
            s.receiveAll();
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            s.assertEachOnceInD365AndWrittenBack();
        }
    }

    @Test
    void anOrderSeenAgainAfterRetentionRemovedItFromTheLedgerIsNotImportedASecondTime() {
        try (Setup s = new Setup(6, Map.of())) {
            s.receiveAll();
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            s.assertEachOnceInD365AndWrittenBack();
            int n = s.keys.size();
            assertThat(n).isPositive();
            // retention as if their time had come (a roll-up never counts ahead of the clock)
            java.time.Instant later = java.time.Instant.now();
            s.p.ledger.rollUp(later);
            assertThat(s.p.ledger.deleteFinished(later, later, 100)).isEqualTo(n);
            assertThat(s.keys).allSatisfy(k -> assertThat(s.p.ledger.find(k)).isEmpty());

            // the poll (or a late webhook) brings the orders again: new to the ledger, already in D365
            s.receiveAll();
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            s.assertEachOnceInD365AndWrittenBack();
            assertThat(s.p.ledger.countsByState()).as("counted twice: two journeys through the ledger")
                    .containsEntry(OrderState.WRITTEN_BACK, 2L * n);
        }
    }

    @Test
    void anArchivedOrderSignalledAgainIsNeitherReadNorImportedNorWrittenBackAgain() {
        try (Setup s = new Setup(6, Map.of())) {
            s.receiveAll();
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            int n = s.keys.size();
            assertThat(s.p.ledger.rollUp(java.time.Instant.now())).as("archived").isEqualTo(n);
            long commerceCalls = s.commerce.calls().total();
            long d365Calls = s.d365.calls().total();

            // a later save of each order in Commerce (an invoice, a shipment) signals it again
            for (ObjectNode order : s.orders) {
                LedgerEntry entry = s.p.intake.process(new OrderReceived("default", order.get("increment_id").asText(),
                        order.get("entity_id").asLong(), "webhook", order.get("updated_at").asText()), "again");
                assertThat(entry.state()).isEqualTo(OrderState.WRITTEN_BACK);
            }
            s.p.drainIntakeAndWriteBacks();
            s.p.batchTick();
            s.assertEachOnceInD365AndWrittenBack();
            assertThat(s.commerce.calls().total()).as("Commerce calls for the duplicates").isEqualTo(commerceCalls);
            assertThat(s.d365.calls().total()).as("D365 calls for the duplicates").isEqualTo(d365Calls);
            assertThat(s.p.ledger.countsByState()).as("one journey each, nothing recorded anew")
                    .containsEntry(OrderState.WRITTEN_BACK, (long) n).containsEntry(OrderState.RECEIVED, 0L);
        }
    }

    @Test
    void aReplayThatDiedBeforeItsEnqueueIsReadAgain() {
        try (Setup s = new Setup(4, Map.of())) {
            OrderKey key = s.keys.iterator().next();
            s.receiveAll();
            LedgerEntry mapped = s.p.ledger.find(key).orElseThrow();
            s.p.ledger.update(mapped.moveTo(OrderState.FAILED).withError("an operator fixed this"));
            // what OrderReplay writes, then the process dies before the intake message is sent
            LedgerEntry failed = s.p.ledger.find(key).orElseThrow();
            s.p.ledger.update(failed.moveTo(OrderState.RECEIVED).withAttemptsReset().withoutBatch().withError(null));
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(60));
            s.assertEachOnceInD365AndWrittenBack();
        }
    }

    @Test
    void twoInstancesPackagingTheSameCompanyAtOnceCountNoAttemptAndImportOnce() throws Exception {
        try (Setup s = new Setup(12, Map.of("bridge.orders.batch-max-size", "4"))) {
            s.receiveAll();
            OrderPipeline other = s.p.sharingTablesWithAnotherInstance();
            String legalEntity = s.p.ledger.find(s.keys.iterator().next()).orElseThrow().legalEntity();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        CompletableFuture<?> a = CompletableFuture.runAsync(() -> s.p.batcher.packageReady(legalEntity));
                        CompletableFuture<?> b = CompletableFuture.runAsync(() -> other.batcher.packageReady(legalEntity));
                        CompletableFuture.allOf(a, b).join();
                        s.p.statusChecks();
                        s.p.drainIntakeAndWriteBacks();
                        return s.keys.stream().allMatch(k -> s.p.ledger.find(k).orElseThrow().state().isFinished());
                    });
            s.assertEachOnceInD365AndWrittenBack();
            assertThat(s.keys).allSatisfy(k -> assertThat(s.p.ledger.find(k).orElseThrow().attempts())
                    .as("a lost race is nobody's failed import").isZero());
        }
    }

    @Test
    void anOrderAloneInAJobThatFailedForAReasonNotItsOwnIsImportedLaterNotFailed() throws Exception {
        try (Setup s = new Setup(4, Map.of("bridge.orders.batch-max-size", "1", "bridge.orders.max-attempts", "3",
                "bridge.orders.import-retry-delay", "PT5S"))) {
            s.receiveAll();
            String legalEntity = s.p.ledger.find(s.keys.iterator().next()).orElseThrow().legalEntity();
            // Someone else's import of the same entities runs in D365 for a while: D365 fails ours meanwhile
            // (deadlock / "record already exists"), which says nothing about our order.
            // (a retry delay of 5 s: the second attempt comes after the foreign job ended)
            s.d365.faults().lateDmfJobs(1, 0, Duration.ofSeconds(4));
            OrderKey first = s.keys.iterator().next();
            Path foreign = Files.createTempFile("foreign-", ".zip");
            foreign.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(foreign)) {
                SalesOrderPackage.write(out, SalesOrderPackage.definition(s.p.config.definitionGroup(), "foreign"),
                        List.of(s.p.mapped.get(first)));
            }
            var uploaded = s.p.d365.dmf().uploadPackage("foreign-" + System.nanoTime() + ".zip", foreign);
            s.p.d365.dmf().importFromPackage(new io.github.d365bridge.client.d365.dmf.ImportRequest(uploaded.blobUrl(),
                    s.p.config.definitionGroup(), "someone-else-" + System.nanoTime(), legalEntity));
            s.p.runUntilFinished(s.keys, Duration.ofSeconds(90));
            assertThat(s.keys).allSatisfy(k -> assertThat(s.p.ledger.find(k).orElseThrow().state())
                    .isEqualTo(OrderState.WRITTEN_BACK));
            assertThat(s.keys.stream().mapToInt(k -> s.p.ledger.find(k).orElseThrow().attempts()).sum())
                    .as("the conflicting job failed at least one of ours").isPositive();
            for (OrderKey key : s.keys) {
                int copies = s.d365.data().rows("SalesOrderHeadersV2",
                        r -> key.toString().equals(r.get("CustomersOrderReference"))).size();
                // the foreign package carried the first order too: it is there twice only if the bridge imported
                // it again; the bridge found it there and recorded it instead
                assertThat(copies).as("exactly once in D365: " + key).isEqualTo(1);
            }
        }
    }

    @Test
    void anOrderCommerceDoesNotHaveEndsFailedInTheLedgerWithTheReason() {
        try (Setup s = new Setup(1, Map.of())) {
            OrderKey missing = new OrderKey("default", "999999999");
            LedgerEntry entry = s.p.intake.process(new OrderReceived("default", "999999999", 987654L, "webhook", null),
                    "corr-missing");
            assertThat(entry.state()).isEqualTo(OrderState.FAILED);
            assertThat(s.p.ledger.find(missing).orElseThrow().lastError())
                    .isEqualTo("Order default:999999999 (entity id 987654) does not exist in Commerce");

            // a webhook can come before its order is visible: within the first minutes it is only asked again
            OrderKey early = new OrderKey("default", "999999998");
            assertThatThrownBy(() -> s.p.intake.process(new OrderReceived("default", "999999998", 987653L, "webhook",
                    null), "corr-early", java.time.Instant.now())).hasMessageContaining("not visible in Commerce yet");
            assertThat(s.p.ledger.find(early).orElseThrow().state()).isEqualTo(OrderState.RECEIVED);
            assertThat(io.github.d365bridge.ground.ErrorClassifier.isRetriable(org.assertj.core.api.Assertions
                    .catchThrowable(() -> s.p.intake.process(new OrderReceived("default", "999999998", 987653L,
                            "webhook", null), "corr-early", java.time.Instant.now())))).isTrue();
        }
    }

    /** Fresh sandboxes with {@code orders} seeded orders, and a pipeline over them. */
    private static final class Setup implements AutoCloseable {
        final D365Sandbox d365;
        final CommerceSandbox commerce;
        final OrderPipeline p;
        final Set<OrderKey> keys;
        final String mappedContainer;
        final List<ObjectNode> orders;

        Setup(int orders, Map<String, String> settings) {
            d365 = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                    .client(ClientRegistration.listed("pipe-app", "pipe-secret-0123456789"))
                    .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                    .dmfLatency(Duration.ofMillis(200), Duration.ofMillis(1)).build());
            commerce = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(orders).build());
            SandboxAlignment.lineUp(commerce, d365);
            Map<String, String> all = new java.util.HashMap<>(Map.of("bridge.orders.batch-max-age", "PT0S",
                    "bridge.orders.batch-max-size", "5"));
            all.putAll(settings);
            p = new OrderPipeline(storage, TLS, d365, commerce, all);
            mappedContainer = p.mappedContainerName();
            this.orders = commerce.data().orders().stream()
                    .filter(o -> o.get("store_id").asInt() == 1).collect(Collectors.toList());
            keys = this.orders.stream().map(o -> new OrderKey("default", o.get("increment_id").asText()))
                    .collect(Collectors.toSet());
        }

        void receiveAll() {
            for (ObjectNode order : orders) {
                p.intake.process(new OrderReceived("default", order.get("increment_id").asText(),
                        order.get("entity_id").asLong(), "webhook", order.get("updated_at").asText()), "corr");
            }
            assertThat(keys).allSatisfy(k -> assertThat(p.ledger.find(k).orElseThrow().state())
                    .isEqualTo(OrderState.MAPPED));
        }

        /**
         * What the batch timer does up to the point where the process dies: claim the orders for an
         * execution and, if {@code submitted}, start the import; never record it as importing.
         */
        ImportPlan claimAndCrash(boolean submitted) throws Exception {
            List<LedgerEntry> claimed = keys.stream().map(k -> p.ledger.find(k).orElseThrow()).toList();
            String legalEntity = claimed.get(0).legalEntity();
            ImportPlan plan = new ImportPlan(OrderBatcher.PURPOSE, "bcrash" + System.nanoTime(), 1, legalEntity,
                    p.config.definitionGroup(), List.of(SalesOrderPackage.HEADERS_LABEL, SalesOrderPackage.LINES_LABEL),
                    null);
            for (LedgerEntry entry : claimed) {
                p.ledger.update(entry.moveTo(OrderState.PACKAGED).withBatch(plan.batchId(), plan.executionId()));
            }
            if (submitted) {
                assertThat(p.supervisor.start(plan.withPackage(packageOf(keys)))).isPresent();
            }
            return plan;
        }

        Path packageOf(Set<OrderKey> orders) throws Exception {
            Path zip = Files.createTempFile("crash-", ".zip");
            zip.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(zip)) {
                SalesOrderPackage.write(out, SalesOrderPackage.definition(p.config.definitionGroup(), "crash"),
                        orders.stream().map(p.mapped::get).toList());
            }
            return zip;
        }

        void assertEachOnceInD365AndWrittenBack() {
            for (OrderKey key : keys) {
                LedgerEntry entry = p.ledger.find(key).orElseThrow();
                assertThat(entry.state()).as(key + ": " + entry.lastError()).isEqualTo(OrderState.WRITTEN_BACK);
                assertThat(d365.data().rows("SalesOrderHeadersV2",
                        r -> key.toString().equals(r.get("CustomersOrderReference")))).as("exactly once in D365: " + key)
                        .hasSize(1);
            }
        }

        @Override
        public void close() {
            d365.close();
            commerce.close();
        }
    }
}
