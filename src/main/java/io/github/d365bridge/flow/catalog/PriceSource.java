package io.github.d365bridge.flow.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.SalesPriceAgreement;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.sync.SyncSource;

/**
 * The catalog's items ({@link ReleasedItemPages}) joined with their trade agreement prices: one
 * {@code SalesPriceAgreements} query (cross-company, the listed legal entities) per {@value CatalogSource#JOIN_BATCH}
 * items of a page.
 */
final class PriceSource implements SyncSource<PriceItem> {

    private final D365Client d365;
    private final ReleasedItemPages pages;
    private final VariantRows variants;

    PriceSource(D365Client d365, List<String> legalEntities) {
        this.d365 = d365;
        this.pages = new ReleasedItemPages(d365, legalEntities);
        this.variants = new VariantRows(d365, pages);
    }

    @Override
    public Page<PriceItem> read(PageRequest request) {
        ReleasedItemPages.ItemPage page = pages.read(request);
        return new Page<>(join(page.items()), Map.of(), page.last());
    }

    @Override
    public Optional<PriceItem> readOne(String legalEntity, String key) {
        return pages.readOne(VariantKey.itemOf(key)).flatMap(rows -> join(List.of(rows)).stream()
                .filter(record -> record.key().equals(key)).findFirst());
    }

    @Override
    public Stream<String> keys(String runId, String legalEntity) {
        return Stream.concat(pages.keys(), variants.keys());
    }

    @Override
    public String keyOf(PriceItem record) {
        return record.key();
    }

    private List<PriceItem> join(List<List<ReleasedProductV2>> items) {
        List<String> numbers = items.stream().map(rows -> rows.get(0).itemNumber()).toList();
        Map<String, List<SalesPriceAgreement>> byItem = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += CatalogSource.JOIN_BATCH) {
            String filter = numbers.subList(from, Math.min(numbers.size(), from + CatalogSource.JOIN_BATCH)).stream()
                    .map(n -> ReleasedItemPages.ITEM + " eq " + ODataLiteral.string(n)).collect(Collectors.joining(" or "));
            try (Stream<SalesPriceAgreement> rows = d365.odata().stream(SalesPriceAgreement.ENTITY_SET, ODataQuery.all()
                    .crossCompany().filter(pages.companies() + " and (" + filter + ")").orderBy("RecordId"),
                    SalesPriceAgreement.class)) {
                rows.forEach(a -> byItem.computeIfAbsent(a.itemNumber(), k -> new ArrayList<>()).add(a));
            }
        }
        var variantsOf = variants.of(items);
        List<PriceItem> records = new ArrayList<>(items.size());
        for (List<ReleasedProductV2> rows : items) {
            Map<String, ReleasedProductV2> releasedIn = new LinkedHashMap<>();
            rows.forEach(r -> releasedIn.putIfAbsent(r.dataAreaId().toLowerCase(Locale.ROOT), r));
            String item = rows.get(0).itemNumber();
            List<SalesPriceAgreement> agreements = byItem.getOrDefault(item, List.of());
            records.add(new PriceItem(item, releasedIn, agreements));
            variantsOf.getOrDefault(item, Map.of()).forEach((dimensions, releases) -> {
                Map<String, ReleasedProductV2> released = new LinkedHashMap<>();
                releasedIn.forEach((le, row) -> {
                    if (releases.containsKey(le)) {
                        released.put(le, row);
                    }
                });
                if (!released.isEmpty()) {
                    records.add(new PriceItem(item, released, agreements, dimensions, true));
                }
            });
        }
        return records;
    }
}
