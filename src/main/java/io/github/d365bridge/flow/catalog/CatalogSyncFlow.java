package io.github.d365bridge.flow.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.catalog.Product;
import io.github.d365bridge.client.commerce.catalog.ProductClient;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.sync.SyncFlow;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncSource;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.flow.sync.SyncWriter;
import io.github.d365bridge.mapping.CatalogSyncMapping;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.StoreMapping;

/**
 * Released products, D365 → Commerce, on the sync engine: one pass over the items released in the profile's
 * {@code catalogSync.legalEntities} (see {@link CatalogSource}), mapped by {@link CatalogMapper}, written in
 * bulks by {@link CatalogWriter}. The run is kept under the first listed legal entity. A product gone from D365
 * is disabled, never deleted. The clients are looked up on first use, so a bridge without D365 or Commerce
 * configured still starts.
 */
public final class CatalogSyncFlow implements SyncFlow<CatalogItem> {

    public static final String NAME = "products";

    private final Supplier<D365Client> d365;
    private final Supplier<CommerceClient> commerce;
    private final MappingProfile profile;
    private final CatalogSyncMapping sync;
    private final int pageSize;
    private final int bulkSize;
    private final java.time.Duration bulkWait;
    private final Clock clock;
    private volatile SyncSource<CatalogItem> source;
    private volatile SyncWriter writer;
    private final CatalogMapper mapper;

    public CatalogSyncFlow(Supplier<D365Client> d365, Supplier<CommerceClient> commerce, MappingProfile profile,
            int pageSize, int bulkSize, java.time.Duration bulkWait, Clock clock) {
        this.d365 = d365;
        this.commerce = commerce;
        this.profile = profile;
        this.sync = profile.catalogSync();
        this.pageSize = pageSize;
        this.bulkSize = bulkSize;
        this.bulkWait = bulkWait;
        this.clock = clock;
        this.mapper = new CatalogMapper(sync, profile.stores(), profile.items(), clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One partition for the whole catalog, named after the first listed legal entity (none: nothing to run). */
    @Override
    public List<String> legalEntities() {
        return sync.legalEntities().isEmpty() ? List.of() : List.of(sync.legalEntities().get(0));
    }

    @Override
    public SyncSource<CatalogItem> source() {
        if (source == null) {
            source = new CatalogSource(d365.get(), sync.legalEntities(), translationLanguages(), sync.relations());
        }
        return source;
    }

    /** The languages of the store views whose language is not the catalog's: those need translations. */
    private Set<String> translationLanguages() {
        return sync.storeViews().keySet().stream().map(profile.stores()::get).map(StoreMapping::languageId)
                .filter(l -> l != null && !l.equalsIgnoreCase(sync.language())).map(l -> l.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Override
    public SyncMapper<CatalogItem> mapper() {
        return mapper; // built once: it reads the profile's item table backwards (SKU names) when made
    }

    @Override
    public SyncWriter writer() {
        if (writer == null) {
            writer = new CatalogWriter(commerce.get(), bulkSize, bulkWait);
        }
        return writer;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    /**
     * Disables the product everywhere the bridge wrote it: the global status and each store view's own (a store
     * view's status overrides the global one). Kept, not deleted: orders and invoices refer to it.
     */
    @Override
    public String removed(String legalEntity, SyncStateStore.Stored stored, boolean dryRun) {
        if (sync.removed() == CatalogSyncMapping.Removed.KEEP) {
            return "kept in Commerce (catalogSync.removed is keep)";
        }
        var names = profile.items().skuNames();
        var sku = VariantKey.parse(stored.key()).map(v -> names.variantSku(v.itemNumber(), v.dimensions()))
                .orElseGet(() -> names.sku(stored.key()));
        if (sku.isEmpty() || !stored.hashes().containsKey(CatalogMapper.GLOBAL) && stored.targetIds().isEmpty()) {
            return "nothing in Commerce to disable";
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : stored.hashes().keySet()) {
            if (scope.equals(CatalogMapper.GLOBAL)) {
                scopes.add(ProductClient.GLOBAL_SCOPE);
            } else if (scope.startsWith(CatalogMapper.STORE_PREFIX)) {
                scopes.add(scope.substring(CatalogMapper.STORE_PREFIX.length()));
            }
        }
        if (!dryRun) {
            Product disabled = new Product(null, sku.get(), null, null, null, Product.STATUS_DISABLED, null, null, null,
                    null, null, null, null, null);
            for (String store : scopes) {
                commerce.get().products().saveIn(store, disabled);
            }
        }
        return sku.get() + " disabled in " + String.join(", ", scopes);
    }
}
