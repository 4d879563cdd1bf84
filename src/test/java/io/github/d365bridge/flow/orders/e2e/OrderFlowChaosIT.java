package io.github.d365bridge.flow.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.LedgerEntry;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.OrderLedger;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.d365.AnswerLoss;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.testing.BridgeProcess;
import io.github.d365bridge.testing.LoopbackProxy;

/**
 * The order flow with the bridge in its own process (the packaged runner jar, prod profile, standalone
 * runtime) under everything a production run meets, scaled down in time: SIGKILLs at random moments and
 * at chosen calls (while D365 starts an import the batch timer asked for, while the bridge reads a finished
 * job's outcome and its error keys), restarts on the same storage; signed webhooks duplicated, reordered or
 * lost (the poll finds those); about 2 % of orders with an item D365 does not know; writes that D365 and
 * Commerce carry out and whose answer is lost; throttling and 5xx; expired write URLs; a DMF job that
 * succeeds after the bridge's deadline; one outage window of D365, of Commerce and of storage each.
 *
 * <p>At the end {@code target/chaos/order-flow.json} tells what became of every order and which faults
 * were really injected; it is written before anything is asserted. The assertions are exact: nothing lost,
 * nothing in D365 twice, nothing left in flight, every good order in D365 once with its number back in
 * Commerce, every bad one failed with D365's reason and absent from D365, and every fault kind reached.
 * Size {@code -Dchaos.orders} (300; 1000 for the full run).
 */
class OrderFlowChaosIT {

    private static final Logger LOG = Logger.getLogger(OrderFlowChaosIT.class);
    /** Fault kinds the run must have injected at least once: a fault test that misses its fault tests nothing. */
    private static final List<String> REQUIRED_FAULTS = List.of("processKill", "answerLost", "answerLost.d365",
            "answerLost.commerce", "lateJob", "outage", "outage.d365", "outage.commerce", "outage.storage", "throttle",
            "serverError", "expiredWriteUrl", "webhookDuplicated", "webhookLost", "badOrder");

    private static ChaosSystems systems;
    private static BridgeProcess bridge;
    private static BridgeKiller killer;
    private static final ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chaos-timeline");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeAll
    static void startSystemsAndBridge() {
        systems = new ChaosSystems(ChaosSettings.SEED);
        systems.lineUp();
        bridge = systems.bridge().start();
        killer = new BridgeKiller(bridge, ChaosSettings.SEED);
    }

    @AfterAll
    static void stopEverything() {
        timeline.shutdownNow();
        try {
            if (killer != null) {
                killer.close();
            }
        } finally {
            try {
                if (bridge != null) {
                    bridge.close();
                }
            } finally {
                if (systems != null) {
                    systems.close();
                }
            }
        }
    }

    @Test
    void everyOrderEndsOnceInD365OrFailedWithD365sReasonWhateverHappens() {
        D365Sandbox d365 = systems.d365();
        CommerceSandbox commerce = systems.commerce();
        ChaosOrders orders = new ChaosOrders(commerce);
        Instant start = Instant.now();
        injectSteadyFaults(d365, commerce);
        scheduleTimeline(d365, commerce, start);

        placeAllWaves(orders, commerce, start);
        Set<OrderKey> keys = keys(orders.placed());
        boolean converged = awaitFinalStates(keys, systems.ledger());
        d365.faults().clear();
        commerce.faults().clear();

        ChaosReport report = ChaosReport.of(orders.placed(), orders.bad(), systems.ledger(), d365, commerce);
        countFaults(report, orders, d365, commerce);
        report.detail.put("converged", converged);
        report.detail.put("seconds", Duration.between(start, Instant.now()).toSeconds());
        report.detail.put("bridgeStarts", bridge.starts());
        report.detail.put("kills", killer.kills().stream().map(k -> k.trigger() + " at +"
                + Duration.between(start, k.at()).toMillis() + " ms").toList());
        report.detail.put("restartFailures", killer.restartFailures());
        report.detail.put("d365Injected", d365.faults().injected());
        report.detail.put("commerceInjected", commerce.faults().injected());
        report.write();
        LOG.infof("Chaos run written to %s: %d placed, %d in D365 once, %d failed with reason, %d lost, %d duplicated,"
                + " %d stuck, %d unexpected", ChaosReport.FILE, report.placed, report.inD365ExactlyOnce,
                report.failedWithReason, report.lost, report.duplicated, report.stuck, report.unexpected);

        assertThat(report.placed).isEqualTo(ChaosSettings.ORDERS);
        assertThat(report.faults).as("every fault kind was injected (%s)", ChaosReport.FILE)
                .containsKeys(REQUIRED_FAULTS.toArray(String[]::new));
        REQUIRED_FAULTS.forEach(kind -> assertThat(report.faults.get(kind)).as("fault %s injected", kind).isPositive());
        assertThat(report.lost).as("lost (see %s)", ChaosReport.FILE).isZero();
        assertThat(report.duplicated).as("duplicated in D365 (see %s)", ChaosReport.FILE).isZero();
        assertThat(report.stuck).as("stuck, not in a final state (see %s)", ChaosReport.FILE).isZero();
        assertThat(report.failedWithReason).as("bad orders failed with D365's reason").isEqualTo(orders.bad().size());
        assertThat(report.inD365ExactlyOnce + report.failedWithReason).as("every order accounted for (see %s)",
                ChaosReport.FILE).isEqualTo(report.placed);
    }

    /** Faults present all run long, at rates a bad day brings. */
    private static void injectSteadyFaults(D365Sandbox d365, CommerceSandbox commerce) {
        d365.faults().throttle(3, 1).serverErrors(3, 503).expireNextWriteUrls(2)
                .loseAnswers("ImportFromPackage", 5, 1, AnswerLoss.How.RESET)
                .loseAnswers("GetAzureWriteUrl", 5, 1, AnswerLoss.How.BAD_GATEWAY);
        commerce.faults()
                .add(FaultRule.next(1, "POST /V1/orders/{id}/comments", FaultKind.ANSWER_LOST_RESET))
                .add(FaultRule.next(1, "POST /V1/orders", FaultKind.ANSWER_LOST_BAD_GATEWAY))
                .add(FaultRule.always("POST /V1/orders/{id}/comments", FaultKind.ANSWER_LOST_RESET).withPercent(5))
                .add(FaultRule.always("POST /V1/orders", FaultKind.ANSWER_LOST_BAD_GATEWAY).withPercent(5))
                .add(FaultRule.always("*", FaultKind.THROTTLE).withPercent(3).withRetryAfter(1))
                .add(FaultRule.always("*", FaultKind.UNAVAILABLE).withPercent(3));
    }

    /** Kills at chosen calls and random moments, the late job and the three outage windows. */
    private static void scheduleTimeline(D365Sandbox d365, CommerceSandbox commerce, Instant start) {
        at(ChaosSettings.KILL_ON_IMPORT_FROM, () -> d365.faults().onCall(killer.killOnce("batch timer: ImportFromPackage",
                (operation, detail) -> operation.equals("ImportFromPackage"))));
        at(ChaosSettings.LATE_JOB_FROM, () -> d365.faults().lateDmfJobs(1, 0, ChaosSettings.LATE_JOB_BY));
        at(ChaosSettings.KILL_ON_ERROR_KEYS_FROM, () -> d365.faults().onCall(killer.killOnce(
                "outcome: GenerateImportTargetErrorKeysFile", (operation, detail) ->
                        operation.equals("GenerateImportTargetErrorKeysFile"))));
        at(ChaosSettings.KILL_ON_OUTCOME_FROM, () -> d365.faults().onCall(killer.killOnce(
                "outcome: GetExecutionSummaryStatus finished", (operation, detail) ->
                        operation.equals("GetExecutionSummaryStatus") && detail.endsWith("Succeeded"))));
        // D365 is called only while orders are in flight and the bridge is up: its window opens at the first call
        // from then on, so it is sure to refuse the status checks that follow
        java.util.concurrent.atomic.AtomicBoolean d365Down = new java.util.concurrent.atomic.AtomicBoolean();
        at(ChaosSettings.D365_OUTAGE_AT, () -> d365.faults().onCall((operation, detail) -> {
            if (killer.running() && d365Down.compareAndSet(false, true)) {
                d365.faults().outage().startNow(ChaosSettings.OUTAGE);
            }
        }));
        // A window that opens while the bridge is down after a kill refuses nothing: Commerce's and storage's
        // open once the bridge runs (it polls Commerce every 5 s and its queues every 0.5 s, so both are hit).
        at(ChaosSettings.COMMERCE_OUTAGE_AT, () -> whenRunning(() -> commerce.faults().outage().startNow(ChaosSettings.OUTAGE)));
        at(ChaosSettings.STORAGE_OUTAGE_AT, () -> whenRunning(() -> {
            for (LoopbackProxy proxy : systems.storageProxies()) {
                proxy.outage(Instant.now(), ChaosSettings.OUTAGE);
            }
        }));
        Random random = new Random(ChaosSettings.SEED);
        long span = ChaosSettings.RANDOM_KILLS_UNTIL.minus(ChaosSettings.RANDOM_KILLS_FROM).toMillis();
        for (int i = 0; i < ChaosSettings.RANDOM_KILLS; i++) {
            killer.killAfter(ChaosSettings.RANDOM_KILLS_FROM.plusMillis((long) (random.nextDouble() * span)), "random moment");
        }
    }

    /** Runs {@code action} as soon as the bridge is up (it may be restarting after a kill). */
    private static void whenRunning(Runnable action) {
        await().atMost(ChaosSettings.BRIDGE_READY_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(killer::running);
        action.run();
    }

    private static void at(Duration delay, Runnable action) {
        timeline.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waves at a fixed pace; none while Commerce is down (a store that is down takes no orders). */
    private static void placeAllWaves(ChaosOrders orders, CommerceSandbox commerce, Instant start) {
        for (int wave = 0; wave < ChaosSettings.WAVES; wave++) {
            Instant due = start.plus(ChaosSettings.WAVE_EVERY.multipliedBy(wave));
            await().atMost(ChaosSettings.WAVE_EVERY.multipliedBy(wave + 1).plus(ChaosSettings.OUTAGE).plusSeconds(5))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !Instant.now().isBefore(due) && !commerce.faults().outage().active());
            orders.placeWave(wave);
        }
    }

    /** True when every order reached WRITTEN_BACK or FAILED in time; the report says what did not. */
    private static boolean awaitFinalStates(Set<OrderKey> keys, OrderLedger ledger) {
        try {
            await().atMost(ChaosSettings.CONVERGENCE).pollInterval(Duration.ofSeconds(3)).ignoreExceptions()
                    .until(() -> killer.running() && keys.stream().allMatch(k -> ledger.find(k)
                            .map(LedgerEntry::state).filter(s -> s.isFinished()).isPresent()));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static void countFaults(ChaosReport report, ChaosOrders orders, D365Sandbox d365, CommerceSandbox commerce) {
        Map<String, Long> fromD365 = d365.faults().injected();
        Map<String, Long> fromCommerce = commerce.faults().injected();
        long storageResets = systems.storageProxies().stream().mapToLong(LoopbackProxy::resetConnections).sum();
        report.fault("processKill", killer.kills().size());
        report.fault("answerLost.d365", fromD365.getOrDefault("answerLost", 0L));
        report.fault("answerLost.commerce", fromCommerce.getOrDefault("answerLost", 0L));
        report.fault("answerLost", fromD365.getOrDefault("answerLost", 0L) + fromCommerce.getOrDefault("answerLost", 0L));
        report.fault("lateJob", fromD365.getOrDefault("lateJob", 0L));
        report.fault("outage.d365", fromD365.getOrDefault("outage", 0L));
        report.fault("outage.commerce", fromCommerce.getOrDefault("outage", 0L));
        report.fault("outage.storage", storageResets);
        // windows that really refused something: a window nobody called into would not count
        report.fault("outage", (fromD365.getOrDefault("outage", 0L) > 0 ? 1 : 0)
                + (fromCommerce.getOrDefault("outage", 0L) > 0 ? 1 : 0) + (storageResets > 0 ? 1 : 0));
        report.fault("throttle", fromD365.getOrDefault("throttle", 0L) + fromCommerce.getOrDefault("throttle", 0L));
        report.fault("serverError", fromD365.getOrDefault("serverError", 0L) + fromCommerce.getOrDefault("serverError", 0L));
        report.fault("expiredWriteUrl", fromD365.getOrDefault("expiredWriteUrl", 0L));
        Map<Integer, Integer> accepted = orders.acceptedWebhooks();
        report.fault("webhookDuplicated", accepted.values().stream().filter(n -> n > 1).count());
        report.fault("webhookLost", orders.placed().stream()
                .filter(o -> !accepted.containsKey(o.get("entity_id").asInt())).count());
        report.fault("badOrder", orders.bad().size());
    }

    private static Set<OrderKey> keys(List<ObjectNode> placed) {
        return placed.stream().map(ChaosOrders::key).collect(java.util.stream.Collectors.toSet());
    }
}
