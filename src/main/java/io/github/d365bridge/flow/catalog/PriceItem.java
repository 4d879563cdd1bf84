package io.github.d365bridge.flow.catalog;

import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.SalesPriceAgreement;
import io.github.d365bridge.mapping.ProductDimensions;

/**
 * One D365 item, or one variant of a product master, as the price sync sees it: the item's released product per
 * listed legal entity (priority order; for a variant the legal entities that release it) and the item's trade
 * agreement prices ({@code SalesPriceAgreements}) in those legal entities (for a variant, those of its master;
 * the mapper keeps the ones for every variant and the ones for its dimensions).
 *
 * @param dimensions a variant's dimensions; {@link ProductDimensions#NONE} for an item
 * @param variant    whether this is a variant (a master itself is priced through its variants)
 */
public record PriceItem(String itemNumber, Map<String, ReleasedProductV2> releasedIn, List<SalesPriceAgreement> agreements,
        ProductDimensions dimensions, boolean variant) {

    public PriceItem {
        releasedIn = new java.util.LinkedHashMap<>(releasedIn);
        agreements = List.copyOf(agreements);
    }

    public PriceItem(String itemNumber, Map<String, ReleasedProductV2> releasedIn, List<SalesPriceAgreement> agreements) {
        this(itemNumber, releasedIn, agreements, ProductDimensions.NONE, false);
    }

    public boolean isMaster() {
        return !variant && releasedIn.values().stream().anyMatch(VariantRows::isMaster);
    }

    /** The sync key: the item number, or the variant's {@link VariantKey}. */
    public String key() {
        return variant ? VariantKey.of(itemNumber, dimensions) : itemNumber;
    }
}
