package io.github.d365bridge.flow.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.client.d365.entities.ProductTranslation;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.ProductV2;

/**
 * One D365 item as the catalog sync sees it: its released product in every listed legal entity that releases
 * it (in the profile's priority order), the shared product it belongs to, and that product's translations.
 *
 * @param releasedIn   legal entity → released product, first entry = the item's priority legal entity
 * @param product      the shared product ({@code ProductsV2}), empty when D365 answered none for it
 * @param translations language → translation, only the languages some store view needs
 */
public record CatalogItem(String itemNumber, Map<String, ReleasedProductV2> releasedIn, Optional<ProductV2> product,
        Map<String, ProductTranslation> translations) {

    public CatalogItem {
        releasedIn = new LinkedHashMap<>(releasedIn);
        translations = Map.copyOf(translations);
    }

    /** The released product of the first listed legal entity that releases the item. */
    public ReleasedProductV2 primary() {
        return releasedIn.values().iterator().next();
    }
}
