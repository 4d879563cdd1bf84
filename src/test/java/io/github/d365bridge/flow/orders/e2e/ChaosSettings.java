package io.github.d365bridge.flow.orders.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Size, timeline and the bridge's settings of the chaos run. Everything is scaled down from production
 * through configuration only (seconds instead of minutes, the same code paths), so the CI size runs in a
 * few minutes. Override with {@code -Dchaos.orders=1000}, {@code -Dchaos.seed=…}, {@code -Dchaos.outage=PT20S}.
 */
final class ChaosSettings {

    static final int ORDERS = intProperty("chaos.orders", 300);
    static final long SEED = intProperty("chaos.seed", 9);
    /** Each system's outage window; the code path is the one of an outage of hours. */
    static final Duration OUTAGE = durationProperty("chaos.outage", Duration.ofSeconds(8));

    /** The bridge's deadline for a DMF job ({@code bridge.dmf.job-timeout}). */
    static final Duration DMF_JOB_TIMEOUT = Duration.ofSeconds(15);
    /** The late job finishes this long after the deadline, with its rows imported. */
    static final Duration LATE_JOB_BY = DMF_JOB_TIMEOUT.plusSeconds(10);
    static final Duration DMF_JOB_LATENCY = Duration.ofMillis(500);
    static final Duration DMF_ROW_LATENCY = Duration.ofMillis(2);

    /** Orders are placed in waves this far apart; a wave is ORDERS / WAVES orders. */
    static final Duration WAVE_EVERY = Duration.ofSeconds(2);
    static final int WAVES = 30;
    /** Timeline, from the first wave. */
    static final Duration D365_OUTAGE_AT = Duration.ofSeconds(12);
    static final Duration COMMERCE_OUTAGE_AT = Duration.ofSeconds(28);
    static final Duration STORAGE_OUTAGE_AT = Duration.ofSeconds(44);
    static final Duration KILL_ON_IMPORT_FROM = Duration.ofSeconds(4);
    static final Duration LATE_JOB_FROM = Duration.ofSeconds(6);
    static final Duration KILL_ON_ERROR_KEYS_FROM = Duration.ofSeconds(20);
    static final Duration KILL_ON_OUTCOME_FROM = Duration.ofSeconds(36);
    /** Kills at seeded random moments in this span (besides the ones at chosen calls). */
    static final Duration RANDOM_KILLS_FROM = Duration.ofSeconds(50);
    static final Duration RANDOM_KILLS_UNTIL = Duration.ofSeconds(75);
    static final int RANDOM_KILLS = 2;
    /** How long a killed bridge stays down before it is started again (seeded within this range). */
    static final Duration DOWN_MIN = Duration.ofSeconds(1);
    static final Duration DOWN_MAX = Duration.ofSeconds(4);
    static final Duration BRIDGE_READY_TIMEOUT = Duration.ofSeconds(60);
    /** After the last wave: how long every order may take to reach a final state. */
    static final Duration CONVERGENCE = Duration.ofSeconds(Math.max(150, ORDERS / 3));

    /** About 2 % of the orders carry an item D365 does not know. */
    static final int BAD_ORDERS = Math.max(2, ORDERS / 50);
    static final String UNKNOWN_ITEM = "CHAOS-UNKNOWN-ITEM";

    private ChaosSettings() {
    }

    /** The bridge's timings for the run (system properties of the process; no secrets here). */
    static Map<String, String> bridgeSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ORDER_POLL_SCHEDULE", "*/5 * * * * *");
        s.put("ORDER_BATCH_SCHEDULE", "*/1 * * * * *");
        s.put("bridge.orders.batch-max-age", "PT1S");
        s.put("bridge.orders.batch-max-size", "10");
        s.put("bridge.dmf.first-check-delay", "PT1S");
        s.put("bridge.dmf.max-check-delay", "PT2S");
        s.put("bridge.dmf.job-timeout", DMF_JOB_TIMEOUT.toString());
        // the opt-in ext_order_id save too, so lost answers of both Commerce writes are reached
        s.put("bridge.orders.write-ext-order-id", "true");
        s.put("bridge.dmf.not-found-grace", "PT10S");
        s.put("ORDER_RECONCILE_SCHEDULE", "*/5 * * * * *");
        s.put("bridge.orders.reconcile-after", "PT20S");
        // retries back off 1 s doubling to 5 s, 20 of them (about 90 s): longer than each outage window
        s.put("bridge.runtime.retry.initial-delay", "PT1S");
        s.put("bridge.runtime.retry.max-delay", "PT5S");
        s.put("bridge.runtime.retry.max-retries", "20");
        s.put("bridge.runtime.queues.visibility-timeout", "PT1S");
        s.put("bridge.runtime.queues.max-polling-interval", "PT0.5S");
        s.put("bridge.runtime.queues.processing-timeout", "PT10S");
        s.put("bridge.d365.request-timeout", "PT10S");
        s.put("bridge.d365.throttle-default-wait", "PT1S");
        s.put("bridge.commerce.request-timeout", "PT10S");
        s.put("bridge.commerce.throttle-default-wait", "PT1S");
        return s;
    }

    /** {@code name} from the command line (failsafe passes the literal placeholder when it is unset). */
    private static int intProperty(String name, int fallback) {
        String value = System.getProperty(name, "");
        return value.matches("\\d+") ? Integer.parseInt(value) : fallback;
    }

    private static Duration durationProperty(String name, Duration fallback) {
        String value = System.getProperty(name, "");
        return value.startsWith("PT") ? Duration.parse(value) : fallback;
    }
}
