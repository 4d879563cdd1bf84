package io.github.d365bridge.flow.catalog;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.price.TierPrice;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.flow.sync.SyncFlow;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncSource;
import io.github.d365bridge.flow.sync.SyncStateStore;
import io.github.d365bridge.flow.sync.SyncWriter;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.MappingProfile;

/**
 * Trade agreement prices, D365 → Commerce tier prices, on the sync engine: the catalog's items
 * ({@code catalogSync}) with their {@code SalesPriceAgreements}, one record per SKU holding its full owned set,
 * replaced as a whole. Runs after the catalog has created the products (a SKU Commerce does not have yet fails
 * with Commerce's reason and is written once it exists and its prices change, or when run alone).
 */
public final class PriceSyncFlow implements SyncFlow<PriceItem> {

    public static final String NAME = "prices";

    private final Supplier<D365Client> d365;
    private final Supplier<CommerceClient> commerce;
    private final MappingProfile profile;
    private final int pageSize;
    private final int rowsPerCall;
    private final Clock clock;
    private volatile SyncSource<PriceItem> source;
    private volatile SyncWriter writer;
    private final PriceMapper mapper;

    public PriceSyncFlow(Supplier<D365Client> d365, Supplier<CommerceClient> commerce, MappingProfile profile,
            int pageSize, int rowsPerCall, Clock clock) {
        this.d365 = d365;
        this.commerce = commerce;
        this.profile = profile;
        this.pageSize = pageSize;
        this.rowsPerCall = rowsPerCall;
        this.clock = clock;
        this.mapper = new PriceMapper(profile.catalogSync(), profile.stores(), profile.items(), clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> legalEntities() {
        List<String> entities = profile.catalogSync().legalEntities();
        return entities.isEmpty() ? List.of() : List.of(entities.get(0));
    }

    @Override
    public SyncSource<PriceItem> source() {
        if (source == null) {
            source = new PriceSource(d365.get(), profile.catalogSync().legalEntities());
        }
        return source;
    }

    @Override
    public SyncMapper<PriceItem> mapper() {
        return mapper; // built once: it reads the profile's item table backwards (SKU names) when made
    }

    @Override
    public SyncWriter writer() {
        if (writer == null) {
            writer = new PriceWriter(commerce.get(), rowsPerCall);
        }
        return writer;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    /** An item gone from D365: the tier prices the bridge wrote for it are deleted (the product is disabled). */
    @Override
    public String removed(String legalEntity, SyncStateStore.Stored stored, boolean dryRun) {
        String written = stored.targetIds().get(PriceMapper.SCOPE);
        if (written == null || written.isEmpty()) {
            return "no tier prices of the bridge to delete";
        }
        List<TierPrice> rows;
        try {
            rows = PriceWriter.rows(Json.mapper().readTree(written));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "tier prices not deleted: the stored rows cannot be read (" + e.getOriginalMessage() + ")";
        }
        if (!dryRun && !rows.isEmpty()) {
            var answer = commerce.get().prices().deleteTierPrices(rows);
            if (!answer.allSaved()) {
                throw new IllegalStateException("Commerce kept tier prices of " + stored.key() + ": " + answer.failures());
            }
        }
        return rows.size() + " tier prices deleted";
    }
}
