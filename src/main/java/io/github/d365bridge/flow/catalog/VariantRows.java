package io.github.d365bridge.flow.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.ReleasedProductVariantV2;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.mapping.ProductDimensions;

/**
 * The released variants of a page's product masters ({@code ReleasedProductVariantsV2}, cross-company, the
 * listed legal entities), shared by the product and the price flows: one query per
 * {@value CatalogSource#JOIN_BATCH} masters, asked only when the page has masters.
 */
final class VariantRows {

    static final String MASTER = "ProductMaster";

    private final D365Client d365;
    private final ReleasedItemPages pages;

    VariantRows(D365Client d365, ReleasedItemPages pages) {
        this.d365 = d365;
        this.pages = pages;
    }

    static boolean isMaster(ReleasedProductV2 released) {
        return MASTER.equalsIgnoreCase(released.productSubType());
    }

    /**
     * Master item number → its variants (in the SKU rule's order of dimension values) → each listed legal entity's
     * release of the variant, in the profile's priority order.
     */
    Map<String, Map<ProductDimensions, Map<String, ReleasedProductVariantV2>>> of(List<List<ReleasedProductV2>> items) {
        List<String> masters = items.stream().filter(rows -> rows.stream().anyMatch(VariantRows::isMaster))
                .map(rows -> rows.get(0).itemNumber()).toList();
        Map<String, List<ReleasedProductVariantV2>> byItem = new HashMap<>();
        for (int from = 0; from < masters.size(); from += CatalogSource.JOIN_BATCH) {
            String filter = masters.subList(from, Math.min(masters.size(), from + CatalogSource.JOIN_BATCH)).stream()
                    .map(n -> ReleasedItemPages.ITEM + " eq " + ODataLiteral.string(n)).collect(Collectors.joining(" or "));
            try (Stream<ReleasedProductVariantV2> rows = d365.odata().stream(ReleasedProductVariantV2.ENTITY_SET,
                    ODataQuery.all().crossCompany().filter(pages.companies() + " and (" + filter + ")"),
                    ReleasedProductVariantV2.class)) {
                rows.forEach(v -> byItem.computeIfAbsent(v.itemNumber(), k -> new ArrayList<>()).add(v));
            }
        }
        Map<String, Map<ProductDimensions, Map<String, ReleasedProductVariantV2>>> variants = new HashMap<>();
        byItem.forEach((item, rows) -> {
            rows.sort(Comparator.comparing((ReleasedProductVariantV2 v) -> String.join("\u0000", v.dimensions().inSkuOrder()))
                    .thenComparingInt(v -> pages.priority(v.dataAreaId())));
            Map<ProductDimensions, Map<String, ReleasedProductVariantV2>> byDimensions = new LinkedHashMap<>();
            for (ReleasedProductVariantV2 row : rows) {
                byDimensions.computeIfAbsent(row.dimensions(), d -> new LinkedHashMap<>())
                        .putIfAbsent(row.dataAreaId().toLowerCase(Locale.ROOT), row);
            }
            variants.put(item, byDimensions);
        });
        return variants;
    }

    /** Every variant's key in the listed legal entities, once each, streamed (only keys are selected). */
    Stream<String> keys() {
        List<String> fields = new ArrayList<>(List.of(ReleasedItemPages.ITEM));
        fields.addAll(ReleasedProductVariantV2.DIMENSION_FIELDS);
        List<String> order = new ArrayList<>(fields);
        order.add("dataAreaId");
        List<String> select = new ArrayList<>(order);
        Stream<String> keys = d365.odata().stream(ReleasedProductVariantV2.ENTITY_SET, ODataQuery.all().crossCompany()
                .filter(pages.companies()).select(select.toArray(String[]::new)).orderBy(order.toArray(String[]::new)),
                ReleasedProductVariantV2.class).map(v -> VariantKey.of(v.itemNumber(), v.dimensions()));
        String[] previous = {null};
        return keys.filter(key -> { // ordered: another legal entity's row of one variant follows it
            boolean repeated = key.equals(previous[0]);
            previous[0] = key;
            return !repeated;
        });
    }
}
