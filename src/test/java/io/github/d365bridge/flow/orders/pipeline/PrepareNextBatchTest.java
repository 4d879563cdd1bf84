package io.github.d365bridge.flow.orders.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.dmf.DmfJob;
import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderReceived;
import io.github.d365bridge.flow.orders.OrderState;
import io.github.d365bridge.flow.orders.batch.OrderBatcher;
import io.github.d365bridge.flow.orders.outcome.D365OrderLookup;
import io.github.d365bridge.sandbox.SandboxAlignment;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The next batch of a company is claimed and packaged while its import runs, and started the moment the
 * project frees; a prepared batch that waited too long, or whose execution was given up meanwhile, is
 * never submitted, and its orders are imported once in a batch packaged afresh. The status checks and
 * the import-ended kick are played by the test, so "busy" lasts exactly as long as it wants.
 */
class PrepareNextBatchTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final int BATCH = 3;

    private static StorageAccount storage;
    private static D365Sandbox d365Sandbox;
    private static CommerceSandbox commerceSandbox;

    @BeforeAll
    static void start() {
        storage = TestAzurite.storage();
        d365Sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("pipe-app", "pipe-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .dmfLatency(Duration.ofMillis(100), Duration.ofMillis(1)).build());
        commerceSandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seed(5).seedOrders(40).build());
    }

    /** Each test imports the same seeded orders into a fresh ledger, so D365 must not have them yet. */
    @BeforeEach
    void emptyD365() {
        // an import the test before left running would still apply its rows after the reset
        await().atMost(Duration.ofSeconds(30)).until(() -> d365Sandbox.dmfJobs().orElseThrow().all().stream()
                .allMatch(j -> j.endedAt() != null));
        d365Sandbox.reset();
        SandboxAlignment.lineUp(commerceSandbox, d365Sandbox);
    }

    @AfterAll
    static void stop() {
        d365Sandbox.close();
        commerceSandbox.close();
    }

    @Test
    void whileTheProjectIsBusyAFullBatchMoreIsPackagedAndStartsTheMomentItFrees() {
        Company c = company(pipeline("true"), new ShiftedClock());
        DmfJob first = c.batcher.packageReady(c.legalEntity).orElseThrow();

        assertThat(c.batcher.packageReady(c.legalEntity)).as("a tick while the import runs starts nothing").isEmpty();
        List<LedgerEntry> next = c.inState(OrderState.PACKAGED);
        assertThat(next).hasSize(BATCH).extracting(LedgerEntry::executionId).containsOnly(next.get(0).executionId());
        String prepared = next.get(0).executionId();
        assertThat(c.p.supervisor.job(c.legalEntity, prepared)).as("not recorded, so not submitted").isEmpty();
        assertThat(d365Sandbox.dmfJobs().orElseThrow().exists(prepared)).isFalse();

        c.awaitEnded(first);
        DmfJob second = c.batcher.packageReady(c.legalEntity, true).orElseThrow();

        assertThat(second.executionId()).as("the prepared batch, not a new one").isEqualTo(prepared);
        assertThat(d365Sandbox.dmfJobs().orElseThrow().exists(prepared)).isTrue();
        assertThat(c.inState(OrderState.PACKAGED)).as("and the batch after it prepared already").hasSize(BATCH)
                .allSatisfy(e -> assertThat(e.executionId()).isNotEqualTo(prepared));
        c.settle();
    }

    @Test
    void switchedOffTheWaitingOrdersStayMappedWhileTheProjectIsBusy() {
        Company c = company(pipeline("false"), new ShiftedClock());
        c.batcher.packageReady(c.legalEntity).orElseThrow();

        assertThat(c.batcher.packageReady(c.legalEntity)).isEmpty();

        assertThat(c.inState(OrderState.PACKAGED)).isEmpty();
        assertThat(c.inState(OrderState.MAPPED)).hasSize(c.keys.size() - BATCH);
    }

    @Test
    void atShutdownAPreparedBatchGoesBackToBePackagedRatherThanWaitForTheReconciler() {
        Company c = company(pipeline("true"), new ShiftedClock());
        DmfJob first = c.batcher.packageReady(c.legalEntity).orElseThrow();
        c.batcher.packageReady(c.legalEntity);
        assertThat(c.inState(OrderState.PACKAGED)).hasSize(BATCH);

        assertThat(c.batcher.releasePrepared()).isEqualTo(1);

        assertThat(c.inState(OrderState.PACKAGED)).isEmpty();
        assertThat(c.inState(OrderState.MAPPED)).hasSize(c.keys.size() - BATCH);
        c.awaitEnded(first);
        c.settle();
    }

    @Test
    void aPreparedBatchOlderThanHalfTheReconcileIntervalIsReleasedAndPackagedAfresh() {
        ShiftedClock clock = new ShiftedClock();
        Company c = company(pipeline("true"), clock);
        DmfJob first = c.batcher.packageReady(c.legalEntity).orElseThrow();
        c.batcher.packageReady(c.legalEntity);
        String stale = c.inState(OrderState.PACKAGED).get(0).executionId();
        Set<OrderKey> staleOrders = c.inState(OrderState.PACKAGED).stream().map(LedgerEntry::key).collect(Collectors.toSet());

        clock.shift = Duration.ofMinutes(5).plusSeconds(1); // reconcile-after is 10 minutes here
        c.awaitEnded(first);
        DmfJob second = c.batcher.packageReady(c.legalEntity, true).orElseThrow();

        assertThat(second.executionId()).isNotEqualTo(stale);
        assertThat(staleOrders).allSatisfy(k -> assertThat(c.p.ledger.find(k).orElseThrow().executionId())
                .as("released").isNotEqualTo(stale));
        c.settle();
        assertThat(d365Sandbox.dmfJobs().orElseThrow().exists(stale)).as("never submitted").isFalse();
    }

    @Test
    void aPreparedBatchWhoseExecutionWasGivenUpIsNotSubmittedAndItsOrdersGoInTheNextBatch() {
        Company c = company(pipeline("true"), new ShiftedClock());
        DmfJob first = c.batcher.packageReady(c.legalEntity).orElseThrow();
        c.batcher.packageReady(c.legalEntity);
        LedgerEntry one = c.inState(OrderState.PACKAGED).get(0);
        // what the reconciler does with orders claimed for an execution nobody recorded
        assertThat(c.p.supervisor.abandon(c.legalEntity, one.executionId(), c.p.config.definitionGroup(),
                OrderBatcher.PURPOSE, one.batchId())).isTrue();

        c.awaitEnded(first);
        DmfJob second = c.batcher.packageReady(c.legalEntity, true).orElseThrow();

        assertThat(second.executionId()).isNotEqualTo(one.executionId());
        assertThat(c.p.ledger.find(one.key()).orElseThrow().state()).as("released").isEqualTo(OrderState.MAPPED);
        c.settle();
        assertThat(d365Sandbox.dmfJobs().orElseThrow().exists(one.executionId())).as("never submitted").isFalse();
    }

    @Test
    void theImportEndedKickWaitsForAPackagerInProgressInsteadOfBeingLost() throws Exception {
        Company c = company(pipeline("true"), new ShiftedClock());
        DmfJob first = c.batcher.packageReady(c.legalEntity).orElseThrow();
        // the next timer tick prepares the next batch and is held in its D365 look-up, the packaging lock taken
        CountDownLatch tickInLookUp = new CountDownLatch(1);
        CountDownLatch letTickGo = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean(true);
        d365Sandbox.faults().onCall((operation, detail) -> {
            if (operation.equals("GET SalesOrderHeadersV2") && armed.compareAndSet(true, false)) {
                tickInLookUp.countDown();
                hold(letTickGo);
            }
        });
        ExecutorService triggers = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<DmfJob>> tick = triggers.submit(() -> c.batcher.packageReady(c.legalEntity));
            assertThat(tickInLookUp.await(30, TimeUnit.SECONDS)).isTrue();
            c.awaitEnded(first);

            Future<Optional<DmfJob>> kick = triggers.submit(() -> c.batcher.packageReady(c.legalEntity, true));
            letTickGo.countDown();

            assertThat(tick.get(30, TimeUnit.SECONDS)).as("the tick only prepared").isEmpty();
            Optional<DmfJob> started = kick.get(30, TimeUnit.SECONDS);
            assertThat(started).as("the kick started the batch the tick prepared").isPresent();
            assertThat(started.get().executionId()).isNotEqualTo(first.executionId());
        } finally {
            letTickGo.countDown();
            d365Sandbox.faults().removeListeners();
            triggers.shutdownNow();
        }
        c.settle();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OrderPipeline pipeline(String prepareNext) {
        return new OrderPipeline(storage, TLS, d365Sandbox, commerceSandbox, Map.of("bridge.orders.batch-max-age",
                "PT1H", "bridge.orders.batch-max-size", String.valueOf(BATCH), "bridge.orders.reconcile-after", "PT10M",
                "bridge.orders.prepare-next-batch", prepareNext));
    }

    /**
     * Every seeded order mapped into a fresh ledger, and a batcher on {@code clock} over the company with the
     * most of them (at least three batches' worth).
     */
    private static Company company(OrderPipeline p, Clock clock) {
        List<OrderKey> keys = new ArrayList<>();
        for (ObjectNode order : commerceSandbox.data().orders()) {
            keys.add(p.intake.process(new OrderReceived(order.get("store_id").asInt() == 1 ? "default" : "eu_en",
                    order.get("increment_id").asText(), order.get("entity_id").asLong(), "webhook",
                    order.get("updated_at").asText()), "corr-ahead").key());
        }
        Map<String, List<OrderKey>> byCompany = keys.stream()
                .collect(Collectors.groupingBy(k -> p.ledger.find(k).orElseThrow().legalEntity()));
        String legalEntity = byCompany.entrySet().stream().max(Comparator.comparing(e -> e.getValue().size()))
                .orElseThrow().getKey();
        assertThat(byCompany.get(legalEntity)).hasSizeGreaterThanOrEqualTo(3 * BATCH);
        OrderBatcher batcher = new OrderBatcher(p.ledger, p.mapped, p.packages, new D365OrderLookup(p.d365), p.supervisor,
                p.config,
                key -> { }, entry -> { }, clock);
        return new Company(p, batcher, legalEntity, byCompany.get(legalEntity));
    }

    private record Company(OrderPipeline p, OrderBatcher batcher, String legalEntity, List<OrderKey> keys) {

        List<LedgerEntry> inState(OrderState state) {
            return keys.stream().map(k -> p.ledger.find(k).orElseThrow()).filter(e -> e.state() == state).toList();
        }

        /**
         * Plays this batcher (as the import-ended kick) and the status queue until every order of the company
         * is imported, then checks each is in D365 exactly once.
         */
        void settle() {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                batcher.packageReady(legalEntity, true);
                p.statusChecks();
                return inState(OrderState.IMPORTED).size() == keys.size();
            });
            Map<String, Long> inD365 = d365Sandbox.data().rows("SalesOrderHeadersV2", r -> true).stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.get("CustomersOrderReference")),
                            Collectors.counting()));
            assertThat(keys).allSatisfy(k -> assertThat(inD365.get(k.toString())).as("once in D365: " + k).isEqualTo(1L));
        }

        /** Plays the status queue until the supervisor saw the job end and freed the project. */
        void awaitEnded(DmfJob job) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                p.statusChecks();
                return p.supervisor.job(legalEntity, job.executionId()).map(DmfJob::isFinished).orElse(false);
            });
        }
    }

    /** The system clock, moved forward by {@code shift}. */
    private static final class ShiftedClock extends Clock {

        volatile Duration shift = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
