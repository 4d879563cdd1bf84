package io.github.d365bridge.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The order flow Commerce → D365: batching, DMF supervision, write-back. */
@ConfigMapping(prefix = "bridge.orders")
public interface OrderFlowConfig {

    /** Most orders in one DMF package. */
    @WithDefault("200")
    int batchMaxSize();

    /** A batch is imported once its oldest order has waited this long, even if not full. */
    @WithDefault("PT20S")
    Duration batchMaxAge();

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
     * Also write the D365 number into the order's ext_order_id (the comment is always written). Off by
     * default: Commerce has no endpoint for that one field, so it takes a save of the order entity.
     */
    @WithDefault("false")
    boolean writeExtOrderId();

    /** First DMF status check after an import starts; doubles up to {@link #dmfMaxCheckDelay()}. */
    @WithDefault("PT5S")
    Duration dmfFirstCheckDelay();

    @WithDefault("PT60S")
    Duration dmfMaxCheckDelay();

    /** A DMF job not finished after this counts as stuck (and frees the data project). */
    @WithDefault("PT30M")
    Duration dmfJobTimeout();

    /** Container of mapped orders waiting for their package. */
    @WithDefault("bridge-mapped-orders")
    String mappedOrdersContainer();
}
