package io.github.d365bridge.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The order flow Commerce → D365: batching, retries, write-back (DMF supervision: {@code bridge.dmf}). */
@ConfigMapping(prefix = "bridge.orders")
public interface OrderFlowConfig {

    /** Most orders in one DMF package. */
    @WithDefault("200")
    int batchMaxSize();

    /** A batch is imported once its oldest order has waited this long, even if not full. */
    @WithDefault("PT20S")
    Duration batchMaxAge();

    /**
     * While a company's import runs and a full batch more waits, claim and package that batch already, so
     * when the import ends only the upload and the import call stand between it and the next one. The
     * prepared batch is released and packaged afresh after half of {@link #reconcileAfter()}, so the
     * reconciler never takes it for a stalled packager's.
     */
    @WithDefault("true")
    boolean prepareNextBatch();

    /** The data project in F&amp;O holding "Sales order headers V2" and "Sales order lines V3". */
    @WithDefault("SalesOrderImport")
    String definitionGroup();

    /**
     * Imports of an order before it fails for good. A failed batch is re-packaged in halves, so this must
     * allow log2(batch size) + 1 rounds for a bad order to end up alone (12 suits the default 200).
     */
    @WithDefault("12")
    int maxAttempts();

    /**
     * An order back from a failed import waits this long before it is packaged again, doubling with each
     * failed import up to {@link #importRetryMaxDelay()}: a job that failed for a passing reason (another
     * import of the same entities, a deadlock) does not use up an order's attempts in seconds; with 12
     * attempts the retries span about 50 minutes.
     */
    @WithDefault("PT5S")
    Duration importRetryDelay();

    @WithDefault("PT10M")
    Duration importRetryMaxDelay();

    /**
     * Also write the D365 number into the order's ext_order_id (the comment is always written). Off by
     * default: Commerce has no endpoint for that one field, so it takes a save of the order entity.
     */
    @WithDefault("false")
    boolean writeExtOrderId();

    /**
     * An order unchanged for this long in RECEIVED, PACKAGED, IMPORTING or IMPORTED is looked at by the
     * reconciler, which starts its next step again (all steps are idempotent).
     */
    @WithDefault("PT5M")
    Duration reconcileAfter();

    /** Container of mapped orders waiting for their package. */
    @WithDefault("bridge-mapped-orders")
    String mappedOrdersContainer();
}
