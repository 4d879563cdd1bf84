package io.github.d365bridge.client.commerce.price;

import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;

/**
 * The bulk price APIs ({@code /V1/products/tier-prices}, {@code tier-prices-delete}, {@code base-prices}).
 * They answer 200 even when rows fail, so every method returns the per-row outcome, tied to the
 * request rows: the caller must read it. Scope is in the rows (website / store id), so the calls go
 * through the global path.
 */
public final class PriceClient {

    private static final String GLOBAL_SCOPE = "all";

    private final CommerceHttp http;

    public PriceClient(CommerceHttp http) {
        this.http = http;
    }

    /** {@code POST}: adds or updates the given tier prices, leaving others of the SKUs alone. */
    public PriceUpdateResult<TierPrice> upsertTierPrices(List<TierPrice> prices) {
        return call("POST", "products/tier-prices", "tier-prices.upsert", prices);
    }

    /** {@code PUT}: replaces all tier prices of the SKUs named with the given ones. */
    public PriceUpdateResult<TierPrice> replaceTierPrices(List<TierPrice> prices) {
        return call("PUT", "products/tier-prices", "tier-prices.replace", prices);
    }

    public PriceUpdateResult<TierPrice> deleteTierPrices(List<TierPrice> prices) {
        return call("POST", "products/tier-prices-delete", "tier-prices.delete", prices);
    }

    public PriceUpdateResult<BasePrice> updateBasePrices(List<BasePrice> prices) {
        return call("POST", "products/base-prices", "base-prices.update", prices);
    }

    private <P extends PriceRow> PriceUpdateResult<P> call(String method, String path, String operation, List<P> rows) {
        if (rows.isEmpty()) {
            return new PriceUpdateResult<>(rows, List.of());
        }
        String record = rows.size() == 1 ? rows.get(0).sku() : rows.size() + " rows from SKU " + rows.get(0).sku();
        return http.execute(CommerceRequest.of(method, GLOBAL_SCOPE, path, operation).upsert().record(record)
                .json(Map.of("prices", rows)), json -> PriceFailureReader.read(json, rows));
    }
}
