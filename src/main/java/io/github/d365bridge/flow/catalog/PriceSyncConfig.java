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

    /** Tier price rows per replace call; a SKU's rows are never split over two calls. */
    @WithDefault("1000")
    int rowsPerCall();
}
