package io.github.d365bridge.flow.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.mapping.CatalogSyncMapping;

/**
 * The product relations of a page's products, from the entity the profile names ({@code catalogSync.relations}:
 * no standard public entity is confirmed, so set and fields are configuration). Relations are between shared
 * products; the related product's item number comes from {@code ReleasedProductsV2} of the listed legal entities
 * (a product not released there has no Commerce product to link to). Two queries per
 * {@value CatalogSource#JOIN_BATCH} products, only when relations are on.
 */
final class RelationRows {

    /** One relation: its D365 type and the related item (empty when no listed legal entity releases it). */
    record Relation(String type, String relatedProduct, String relatedItem) {
    }

    private final D365Client d365;
    private final ReleasedItemPages pages;
    private final CatalogSyncMapping.Relations config;

    RelationRows(D365Client d365, ReleasedItemPages pages, CatalogSyncMapping.Relations config) {
        this.d365 = d365;
        this.pages = pages;
        this.config = config;
    }

    /** Product number → its relations, in D365's order; nothing when relations are off. */
    Map<String, List<Relation>> of(List<String> productNumbers) {
        if (!config.enabled() || productNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String[]>> raw = new HashMap<>(); // product → {type, related product}
        Set<String> related = new LinkedHashSet<>();
        for (int from = 0; from < productNumbers.size(); from += CatalogSource.JOIN_BATCH) {
            String filter = productNumbers.subList(from, Math.min(productNumbers.size(), from + CatalogSource.JOIN_BATCH))
                    .stream().map(p -> config.productField() + " eq " + ODataLiteral.string(p))
                    .collect(Collectors.joining(" or "));
            try (Stream<JsonNode> rows = d365.odata().stream(config.entity(), ODataQuery.all().filter(filter)
                    .select(config.productField(), config.relatedField(), config.typeField()), JsonNode.class)) {
                rows.forEach(row -> {
                    String product = row.path(config.productField()).asText();
                    String target = row.path(config.relatedField()).asText();
                    raw.computeIfAbsent(product, k -> new ArrayList<>()).add(new String[] {
                            row.path(config.typeField()).asText(), target});
                    related.add(target);
                });
            }
        }
        Map<String, String> itemOf = items(new ArrayList<>(related));
        Map<String, List<Relation>> relations = new HashMap<>();
        raw.forEach((product, rows) -> relations.put(product, rows.stream()
                .map(r -> new Relation(r[0], r[1], itemOf.get(r[1]))).toList()));
        return relations;
    }

    /** Related product number → the item number it is released as in a listed legal entity. */
    private Map<String, String> items(List<String> productNumbers) {
        Map<String, String> items = new HashMap<>();
        for (int from = 0; from < productNumbers.size(); from += CatalogSource.JOIN_BATCH) {
            String filter = productNumbers.subList(from, Math.min(productNumbers.size(), from + CatalogSource.JOIN_BATCH))
                    .stream().map(p -> "ProductNumber eq " + ODataLiteral.string(p)).collect(Collectors.joining(" or "));
            try (Stream<ReleasedProductV2> rows = d365.odata().stream(ReleasedProductV2.ENTITY_SET, ODataQuery.all()
                    .crossCompany().filter(pages.companies() + " and (" + filter + ")")
                    .select("dataAreaId", ReleasedItemPages.ITEM, "ProductNumber"), ReleasedProductV2.class)) {
                rows.forEach(r -> items.putIfAbsent(r.productNumber(), r.itemNumber()));
            }
        }
        return items;
    }
}
