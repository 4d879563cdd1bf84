package io.github.d365bridge.flow.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.ProductTranslation;
import io.github.d365bridge.client.d365.entities.ProductV2;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.sync.SyncSource;

/**
 * The items released in any of the catalog's legal entities, one pass for all of them: a page is the next
 * {@code limit} item numbers after the last one read, with every listed legal entity's release of each
 * ({@code ReleasedProductsV2}, cross-company, ordered by item number), joined with their shared products
 * ({@code ProductsV2}) and the translations the store views need ({@code ProductTranslations}). Reading all
 * legal entities in one page lets one step write a product and its store views together, so no legal entity
 * waits for another's run to create the product first.
 *
 * <p>The engine's legal entity of this flow is the first listed one: runs, progress and state are kept under
 * it.
 */
final class CatalogSource implements SyncSource<CatalogItem> {

    /** Products per {@code or} filter: keeps the URL well below the gateways' limits. */
    static final int JOIN_BATCH = 40;

    private final D365Client d365;
    private final ReleasedItemPages pages;
    private final VariantRows variants;
    private final RelationRows relations;
    private final Set<String> languages;

    /**
     * @param legalEntities the listed legal entities, in priority order
     * @param languages     the translation languages some store view needs (none: no translation query)
     */
    CatalogSource(D365Client d365, List<String> legalEntities, Set<String> languages,
            io.github.d365bridge.mapping.CatalogSyncMapping.Relations relations) {
        this.d365 = d365;
        this.pages = new ReleasedItemPages(d365, legalEntities);
        this.variants = new VariantRows(d365, pages);
        this.relations = new RelationRows(d365, pages, relations);
        this.languages = Set.copyOf(languages);
    }

    @Override
    public Page<CatalogItem> read(PageRequest request) {
        ReleasedItemPages.ItemPage page = pages.read(request);
        return new Page<>(join(page.items()), Map.of(), page.last());
    }

    /** An item, or a variant by its {@link VariantKey}: read with its master, then picked. */
    @Override
    public Optional<CatalogItem> readOne(String legalEntity, String key) {
        return pages.readOne(VariantKey.itemOf(key)).flatMap(rows -> join(List.of(rows)).stream()
                .filter(record -> record.key().equals(key)).findFirst());
    }

    @Override
    public Stream<String> keys(String runId, String legalEntity) {
        return Stream.concat(pages.keys(), variants.keys());
    }

    @Override
    public String keyOf(CatalogItem record) {
        return record.key();
    }

    private List<CatalogItem> join(List<List<ReleasedProductV2>> items) {
        List<String> productNumbers = items.stream().map(rows -> rows.get(0).productNumber())
                .filter(p -> p != null && !p.isEmpty()).distinct().toList();
        Map<String, ProductV2> products = new HashMap<>();
        Map<String, Map<String, ProductTranslation>> translations = new HashMap<>();
        for (int from = 0; from < productNumbers.size(); from += JOIN_BATCH) {
            List<String> batch = productNumbers.subList(from, Math.min(productNumbers.size(), from + JOIN_BATCH));
            String numbers = batch.stream().map(p -> "ProductNumber eq " + ODataLiteral.string(p))
                    .collect(Collectors.joining(" or "));
            try (Stream<ProductV2> rows = d365.odata().stream(ProductV2.ENTITY_SET, ODataQuery.all()
                    .filter(numbers), ProductV2.class)) {
                rows.forEach(p -> products.put(p.productNumber(), p));
            }
            if (!languages.isEmpty()) {
                String languageFilter = languages.stream().sorted().map(l -> "LanguageId eq " + ODataLiteral.string(l))
                        .collect(Collectors.joining(" or "));
                try (Stream<ProductTranslation> rows = d365.odata().stream(ProductTranslation.ENTITY_SET,
                        ODataQuery.all().filter("(" + numbers + ") and (" + languageFilter + ")"),
                        ProductTranslation.class)) {
                    rows.forEach(t -> translations.computeIfAbsent(t.productNumber(), k -> new HashMap<>())
                            .put(t.languageId().toLowerCase(java.util.Locale.ROOT), t));
                }
            }
        }
        var variantsOf = variants.of(items);
        var relationsOf = relations.of(productNumbers);
        List<CatalogItem> records = new ArrayList<>(items.size());
        for (List<ReleasedProductV2> rows : items) {
            Map<String, ReleasedProductV2> releasedIn = new LinkedHashMap<>();
            rows.forEach(r -> releasedIn.putIfAbsent(r.dataAreaId().toLowerCase(java.util.Locale.ROOT), r));
            String item = rows.get(0).itemNumber();
            String productNumber = rows.get(0).productNumber();
            var itemVariants = variantsOf.getOrDefault(item, Map.of());
            CatalogItem record = new CatalogItem(item, releasedIn,
                    Optional.ofNullable(productNumber == null ? null : products.get(productNumber)),
                    translations.getOrDefault(productNumber, Map.of()), new ArrayList<>(itemVariants.keySet()),
                    io.github.d365bridge.mapping.ProductDimensions.NONE, Map.of(),
                    productNumber == null ? List.of() : relationsOf.getOrDefault(productNumber, List.of()));
            records.add(record);
            // a master's variants follow it in the same page, so the configurable product and its children are
            // written by one step
            itemVariants.forEach((dimensions, releases) -> {
                CatalogItem variant = record.variant(dimensions, releases);
                if (!variant.releasedIn().isEmpty()) {
                    records.add(variant);
                }
            });
        }
        return records;
    }
}
