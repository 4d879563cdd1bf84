package io.github.d365bridge.flow.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.sync.SyncSource.PageRequest;

/**
 * The catalog's pages of items, shared by the product and the price flows: the next {@code limit} item numbers
 * of {@code ReleasedProductsV2} after the last one read, with every listed legal entity's release of each
 * (cross-company, one {@code dataAreaId} filter, ordered by item then legal entity), each item's rows in the
 * profile's priority order. Only items read completely are answered: when a page comes back full, its last item
 * may continue on the next, so the page ends before it.
 */
final class ReleasedItemPages {

    static final String ITEM = "ItemNumber";

    /** One page: each item's released products, and whether no page follows. */
    record ItemPage(List<List<ReleasedProductV2>> items, boolean last) {
    }

    private final D365Client d365;
    private final List<String> legalEntities;

    ReleasedItemPages(D365Client d365, List<String> legalEntities) {
        this.d365 = d365;
        this.legalEntities = List.copyOf(legalEntities);
    }

    ItemPage read(PageRequest request) {
        int top = request.limit() * legalEntities.size();
        // a page may end with a variant: its key starts with its master's item number, which the page ended at
        String filter = companies() + request.after().map(VariantKey::itemOf)
                .map(after -> " and " + ITEM + " gt " + ODataLiteral.string(after)).orElse("");
        List<ReleasedProductV2> rows;
        try (Stream<ReleasedProductV2> page = d365.odata().stream(ReleasedProductV2.ENTITY_SET, ODataQuery.all()
                .crossCompany().filter(filter).orderBy(ITEM, "dataAreaId").top(top), ReleasedProductV2.class)) {
            rows = page.toList();
        }
        Map<String, List<ReleasedProductV2>> byItem = group(rows);
        boolean full = rows.size() >= top;
        if (full && byItem.size() > 1) {
            byItem.remove(new ArrayList<>(byItem.keySet()).get(byItem.size() - 1));
        }
        List<String> items = new ArrayList<>(byItem.keySet());
        if (items.size() > request.limit()) {
            items.subList(request.limit(), items.size()).clear();
        }
        return new ItemPage(items.stream().map(byItem::get).toList(), !full && items.size() == byItem.size());
    }

    /** Every listed legal entity's release of one item, now; empty when none releases it. */
    Optional<List<ReleasedProductV2>> readOne(String key) {
        try (Stream<ReleasedProductV2> rows = d365.odata().stream(ReleasedProductV2.ENTITY_SET, ODataQuery.all()
                .crossCompany().filter(companies() + " and " + ITEM + " eq " + ODataLiteral.string(key)),
                ReleasedProductV2.class)) {
            List<ReleasedProductV2> found = rows.filter(r -> key.equals(r.itemNumber())).toList();
            return found.isEmpty() ? Optional.empty() : Optional.of(group(found).values().iterator().next());
        }
    }

    /** Every item number released in a listed legal entity, once, streamed (only the key is selected). */
    Stream<String> keys() {
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

    /** {@code (dataAreaId eq 'usmf' or dataAreaId eq 'demf')}, for this entity set and others keyed alike. */
    String companies() {
        return "(" + legalEntities.stream().map(le -> "dataAreaId eq " + ODataLiteral.string(le))
                .collect(Collectors.joining(" or ")) + ")";
    }

    private Map<String, List<ReleasedProductV2>> group(List<ReleasedProductV2> rows) {
        Map<String, List<ReleasedProductV2>> byItem = new LinkedHashMap<>();
        for (ReleasedProductV2 row : rows) {
            byItem.computeIfAbsent(row.itemNumber(), k -> new ArrayList<>()).add(row);
        }
        Comparator<ReleasedProductV2> priority = Comparator.comparingInt(r -> priority(r.dataAreaId()));
        byItem.values().forEach(list -> list.sort(priority));
        return byItem;
    }

    int priority(String dataAreaId) {
        for (int i = 0; i < legalEntities.size(); i++) {
            if (legalEntities.get(i).equalsIgnoreCase(dataAreaId)) {
                return i;
            }
        }
        return legalEntities.size();
    }
}
