package io.github.d365bridge.flow.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The inventory sync's own tuning; what maps to what is in the mapping profile ({@code inventorySync}). */
@ConfigMapping(prefix = "bridge.sync.inventory")
public interface InventorySyncConfig {

    /** Where full runs read D365's on-hand. */
    enum Source {
        /** {@code WarehousesOnHandV2} over OData, paged by item (subject to OData's service protection limits). */
        ODATA,
        /** A DMF export of {@link #exportProject()} per legal entity and run (DMF is exempt from those limits). */
        DMF_EXPORT
    }

    /** {@code odata} (default) or {@code dmf-export}. */
    @WithDefault("odata")
    Source source();

    /**
     * The export data project full runs export when the source is {@code dmf-export}: it must exist in F&amp;O and
     * hold the entity {@code Warehouses on-hand V2} (CSV-Unicode or XML-Attribute), without filters.
     */
    @WithDefault("OnHandExport")
    String exportProject();

    /** Off: the timer does nothing (on-demand runs still work). */
    @WithDefault("true")
    boolean enabled();

    /** On-hand rows per page step (an item's rows are never split over two pages). */
    @WithDefault("1000")
    int pageSize();

    /**
     * Source items per {@code POST /V1/inventory/source-items}. Commerce saves them superlinearly in the batch size
     * and, with its input limits on, refuses more than 20 in one synchronous call: 20 works on every store.
     */
    @WithDefault("20")
    int chunkSize();
}
