package io.github.d365bridge.flow.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.client.d365.entities.ProductTranslation;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.ReleasedProductVariantV2;
import io.github.d365bridge.client.d365.entities.ProductV2;
import io.github.d365bridge.mapping.ProductDimensions;

/**
 * One D365 item, or one variant of a product master, as the catalog sync sees it: the item's released product in
 * every listed legal entity that releases it (in the profile's priority order), the shared product it belongs
 * to, and that product's translations. A master also lists its variants' dimensions (its configurable
 * product's options); a variant is a record of its own, with its master's item data and its own releases.
 *
 * @param releasedIn   legal entity → released product (the master's, for a variant), first entry = the item's
 *                     priority legal entity
 * @param product      the shared product ({@code ProductsV2}), empty when D365 answered none for it
 * @param translations language → translation, only the languages some store view needs
 * @param variants     a master's variants, in the SKU rule's order; empty for any other item
 * @param dimensions   a variant's dimensions; {@link ProductDimensions#NONE} for an item
 * @param variantIn    a variant's legal entity → its released variant; empty for an item
 * @param relations    the product's relations to other products (empty for variants, or relations off)
 */
public record CatalogItem(String itemNumber, Map<String, ReleasedProductV2> releasedIn, Optional<ProductV2> product,
        Map<String, ProductTranslation> translations, List<ProductDimensions> variants, ProductDimensions dimensions,
        Map<String, ReleasedProductVariantV2> variantIn, List<RelationRows.Relation> relations) {

    public CatalogItem {
        releasedIn = new LinkedHashMap<>(releasedIn);
        translations = Map.copyOf(translations);
        variants = List.copyOf(variants);
        variantIn = new LinkedHashMap<>(variantIn);
        relations = List.copyOf(relations);
    }

    /** A distinct product (or a master whose variants are not read). */
    public CatalogItem(String itemNumber, Map<String, ReleasedProductV2> releasedIn, Optional<ProductV2> product,
            Map<String, ProductTranslation> translations) {
        this(itemNumber, releasedIn, product, translations, List.of(), ProductDimensions.NONE, Map.of(), List.of());
    }

    /** The released product of the first listed legal entity that releases the item. */
    public ReleasedProductV2 primary() {
        return releasedIn.values().iterator().next();
    }

    public boolean isVariant() {
        return !variantIn.isEmpty();
    }

    public boolean isMaster() {
        return !isVariant() && VariantRows.isMaster(primary());
    }

    /** The sync key: the item number, or the variant's {@link VariantKey}. */
    public String key() {
        return isVariant() ? VariantKey.of(itemNumber, dimensions) : itemNumber;
    }

    /** One variant of this master, released in the legal entities of {@code variantIn}. */
    CatalogItem variant(ProductDimensions dimensions, Map<String, ReleasedProductVariantV2> variantIn) {
        Map<String, ReleasedProductV2> released = new LinkedHashMap<>();
        releasedIn.forEach((le, row) -> {
            if (variantIn.containsKey(le)) {
                released.put(le, row);
            }
        });
        return new CatalogItem(itemNumber, released, product, translations, List.of(), dimensions, variantIn, List.of());
    }
}
