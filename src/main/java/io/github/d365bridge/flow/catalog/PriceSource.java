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

    PriceSource(D365Client d365, List<String> legalEntities) {
        this.d365 = d365;
        this.pages = new ReleasedItemPages(d365, legalEntities);
    }

    @Override
    public Page<PriceItem> read(PageRequest request) {
        ReleasedItemPages.ItemPage page = pages.read(request);
        return new Page<>(join(page.items()), Map.of(), page.last());
    }

    @Override
    public Optional<PriceItem> readOne(String legalEntity, String key) {
        return pages.readOne(key).map(rows -> join(List.of(rows)).get(0));
    }

    @Override
    public Stream<String> keys(String runId, String legalEntity) {
        return pages.keys();
    }

    @Override
    public String keyOf(PriceItem record) {
        return record.itemNumber();
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
        List<PriceItem> records = new ArrayList<>(items.size());
        for (List<ReleasedProductV2> rows : items) {
            Map<String, ReleasedProductV2> releasedIn = new LinkedHashMap<>();
            rows.forEach(r -> releasedIn.putIfAbsent(r.dataAreaId().toLowerCase(Locale.ROOT), r));
            String item = rows.get(0).itemNumber();
            records.add(new PriceItem(item, releasedIn, byItem.getOrDefault(item, List.of())));
        }
        return records;
    }
}
