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

    static final String ITEM = "ItemNumber";
    /** Products per {@code or} filter: keeps the URL well below the gateways' limits. */
    private static final int JOIN_BATCH = 40;

    private final D365Client d365;
    private final List<String> legalEntities;
    private final Set<String> languages;

    /**
     * @param legalEntities the listed legal entities, in priority order
     * @param languages     the translation languages some store view needs (none: no translation query)
     */
    CatalogSource(D365Client d365, List<String> legalEntities, Set<String> languages) {
        this.d365 = d365;
        this.legalEntities = List.copyOf(legalEntities);
        this.languages = Set.copyOf(languages);
    }

    @Override
    public Page<CatalogItem> read(PageRequest request) {
        // up to one row per legal entity and item: ask for that many, and keep only items read completely
        int top = request.limit() * legalEntities.size();
        String filter = companies() + request.after().map(after -> " and " + ITEM + " gt " + ODataLiteral.string(after))
                .orElse("");
        List<ReleasedProductV2> rows;
        try (Stream<ReleasedProductV2> page = d365.odata().stream(ReleasedProductV2.ENTITY_SET, ODataQuery.all()
                .crossCompany().filter(filter).orderBy(ITEM, "dataAreaId").top(top), ReleasedProductV2.class)) {
            rows = page.toList();
        }
        Map<String, List<ReleasedProductV2>> byItem = group(rows);
        boolean full = rows.size() >= top;
        if (full && byItem.size() > 1) {
            // the last item may continue past the page: the next page starts after the last complete one
            byItem.remove(new ArrayList<>(byItem.keySet()).get(byItem.size() - 1));
        }
        List<String> items = new ArrayList<>(byItem.keySet());
        if (items.size() > request.limit()) {
            items.subList(request.limit(), items.size()).clear();
        }
        List<CatalogItem> records = join(items.stream().map(byItem::get).toList());
        return new Page<>(records, Map.of(), !full && items.size() == byItem.size());
    }

    @Override
    public Optional<CatalogItem> readOne(String legalEntity, String key) {
        try (Stream<ReleasedProductV2> rows = d365.odata().stream(ReleasedProductV2.ENTITY_SET, ODataQuery.all()
                .crossCompany().filter(companies() + " and " + ITEM + " eq " + ODataLiteral.string(key)),
                ReleasedProductV2.class)) {
            List<ReleasedProductV2> found = rows.filter(r -> key.equals(r.itemNumber())).toList();
            return found.isEmpty() ? Optional.empty() : Optional.of(join(List.of(found)).get(0));
        }
    }

    @Override
    public Stream<String> keys(String runId, String legalEntity) {
        Stream<String> items = d365.odata().stream(ReleasedProductV2.ENTITY_SET, ODataQuery.all().crossCompany()
                .filter(companies()).select(ITEM, "dataAreaId").orderBy(ITEM, "dataAreaId"), ReleasedProductV2.class)
                .map(ReleasedProductV2::itemNumber);
        // ordered by item: one legal entity's row after another's of the same item is the same key
        String[] previous = {null};
        return items.filter(item -> {
            boolean repeated = item.equals(previous[0]);
            previous[0] = item;
            return !repeated;
        });
    }

    @Override
    public String keyOf(CatalogItem record) {
        return record.itemNumber();
    }

    private String companies() {
        return "(" + legalEntities.stream().map(le -> "dataAreaId eq " + ODataLiteral.string(le))
                .collect(Collectors.joining(" or ")) + ")";
    }

    /** Rows by item, in item order, each item's rows in the profile's priority order of legal entities. */
    private Map<String, List<ReleasedProductV2>> group(List<ReleasedProductV2> rows) {
        Map<String, List<ReleasedProductV2>> byItem = new LinkedHashMap<>();
        for (ReleasedProductV2 row : rows) {
            byItem.computeIfAbsent(row.itemNumber(), k -> new ArrayList<>()).add(row);
        }
        Comparator<ReleasedProductV2> priority = Comparator.comparingInt(r -> priority(r.dataAreaId()));
        byItem.values().forEach(list -> list.sort(priority));
        return byItem;
    }

    private int priority(String dataAreaId) {
        for (int i = 0; i < legalEntities.size(); i++) {
            if (legalEntities.get(i).equalsIgnoreCase(dataAreaId)) {
                return i;
            }
        }
        return legalEntities.size();
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
        List<CatalogItem> records = new ArrayList<>(items.size());
        for (List<ReleasedProductV2> rows : items) {
            Map<String, ReleasedProductV2> releasedIn = new LinkedHashMap<>();
            rows.forEach(r -> releasedIn.putIfAbsent(r.dataAreaId().toLowerCase(java.util.Locale.ROOT), r));
            String productNumber = rows.get(0).productNumber();
            records.add(new CatalogItem(rows.get(0).itemNumber(), releasedIn,
                    Optional.ofNullable(productNumber == null ? null : products.get(productNumber)),
                    translations.getOrDefault(productNumber, Map.of())));
        }
        return records;
    }
}
