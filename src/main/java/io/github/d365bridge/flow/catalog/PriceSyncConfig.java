package io.github.d365bridge.flow.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The price sync's own tuning; what maps to what is in the mapping profile ({@code catalogSync.priceGroups}). */
@ConfigMapping(prefix = "bridge.sync.prices")
public interface PriceSyncConfig {

    /** Off: the timer does nothing (on-demand runs still work). */
    @WithDefault("true")
    boolean enabled();

    /** D365 items per page step (their agreements are read with them). */
    @WithDefault("1000")
    int pageSize();

    /**
     * Tier price (and base price) rows per call; a SKU's rows are never split over two calls. 4,000 is about one
     * call per page of 1,000 items with variants: 2.3 write calls per 1,000 SKUs against 7.5 at 1,000 (README,
     * Measured).
     */
    @WithDefault("4000")
    int rowsPerCall();
}
