package io.github.d365bridge.flow.customers.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The customer sync's own tuning; what maps to what is in the mapping profile ({@code customerSync}). */
@ConfigMapping(prefix = "bridge.sync.customers")
public interface CustomerSyncConfig {

    /** Where full runs read D365's customers. */
    enum Source {
        /** {@code CustomersV3} over OData, paged by account (subject to OData's service protection limits). */
        ODATA,
        /** A DMF export of {@link #exportProject()} per legal entity and run (DMF is exempt from those limits). */
        DMF_EXPORT
    }

    /** {@code odata} (default) or {@code dmf-export}. */
    @WithDefault("odata")
    Source source();

    /**
     * The export data project full runs export when the source is {@code dmf-export}: it must exist in F&amp;O
     * and hold the entity {@code Customers V3} (CSV-Unicode or XML-Attribute), without filters.
     */
    @WithDefault("CustomerExport")
    String exportProject();

    /** Off: the timer does nothing (on-demand runs still work). */
    @WithDefault("true")
    boolean enabled();

    /**
     * D365 customers per page step. A page is read, compared and written within one queue message, so it must
     * finish well inside the visibility renewal and the Functions timeout even when most of it changed. 500 was
     * the fastest full push against 100 and 1,000 (README, Measured).
     */
    @WithDefault("500")
    int pageSize();

    /** Commerce writes in flight at once per page step (PHP workers serve them in parallel). */
    @WithDefault("8")
    int writeConcurrency();

    /**
     * A page with at least this many customer (person) writes sends them through Commerce's async bulk API, one
     * call per {@link #bulkSize()}, instead of one call each; 0 never does. Needs the async.operations.all
     * consumer running in Commerce. 50 cut a full push's write calls 5.2-fold for 39 % more time, and keeps
     * small pages synchronous (README, Measured).
     */
    @WithDefault("50")
    int bulkThreshold();

    @WithDefault("200")
    int bulkSize();

    /** How long a step waits for its bulks; operations still open then fail as a stale bulk and are retried. */
    @WithDefault("PT2M")
    java.time.Duration bulkWait();
}
