package io.github.d365bridge.flow.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.bulk.BulkClient;
import io.github.d365bridge.client.commerce.bulk.BulkEntry;
import io.github.d365bridge.client.commerce.bulk.BulkOperationStatus;
import io.github.d365bridge.client.commerce.bulk.BulkOutcome;
import io.github.d365bridge.client.commerce.bulk.BulkReport;
import io.github.d365bridge.client.commerce.catalog.ProductClient;
import io.github.d365bridge.flow.sync.BulkResults;
import io.github.d365bridge.flow.sync.SyncWriter.Pending;
import io.github.d365bridge.flow.sync.SyncWriter.Result;
import io.github.d365bridge.ground.BridgeException;
import io.github.d365bridge.ground.Json;

/**
 * Replaces exactly the product links the bridge owns. Commerce's {@code POST /V1/products/{sku}/links} adds or
 * updates the links sent and leaves the others, so links made in Commerce by hand survive; the links the
 * bridge wrote before (kept as the record's target id) that D365 no longer has are deleted one by one
 * ({@code DELETE …/links/{type}/{linkedSku}}; one already gone counts as deleted). The adds go in bulks
 * ({@code POST async/bulk/V1/products/bySku/links}). A link to a product Commerce does not have yet fails for
 * now and is tried again next run, when the catalog may have created it.
 */
final class LinkWriter {

    private final ProductClient products;
    private final BulkClient bulk;
    private final int bulkSize;
    private final Duration bulkWait;

    LinkWriter(ProductClient products, BulkClient bulk, int bulkSize, Duration bulkWait) {
        this.products = products;
        this.bulk = bulk;
        this.bulkSize = bulkSize;
        this.bulkWait = bulkWait;
    }

    /**
     * @param saved the SKUs this page saved: links to them need no look-up; other linked SKUs are looked for
     *              once per page, and a link to one Commerce does not have yet (a product of a later page)
     *              waits, while the record's other links are written
     */
    List<Result> write(List<Pending> pending, Set<String> saved) {
        List<Result> results = new ArrayList<>();
        List<Pending> adding = new ArrayList<>();
        Set<String> ask = new LinkedHashSet<>();
        pending.forEach(p -> p.record().payload().get("links").forEach(l -> {
            String target = l.get("linked_product_sku").asText();
            if (!saved.contains(target)) {
                ask.add(target);
            }
        }));
        Set<String> exists = new java.util.HashSet<>(saved);
        if (!ask.isEmpty()) {
            exists.addAll(products.findBySkus(ask).keySet());
        }
        Map<Pending, List<String>> missing = new java.util.HashMap<>();
        for (Pending p : pending) {
            String sku = CatalogWriter.sku(p);
            Set<String> wanted = owned(p.record().payload().get("links"));
            List<String> absent = new ArrayList<>();
            p.record().payload().get("links").forEach(l -> {
                if (!exists.contains(l.get("linked_product_sku").asText())) {
                    absent.add(l.get("linked_product_sku").asText());
                }
            });
            if (!absent.isEmpty()) {
                missing.put(p, absent);
            }
            try {
                for (String gone : previous(p)) {
                    if (!wanted.contains(gone)) {
                        String[] link = gone.split(" ", 2);
                        delete(sku, link[0], link[1]);
                    }
                }
            } catch (BridgeException e) {
                results.add(Result.failedForNow(p, "old link not removed: " + e.getMessage()));
                continue;
            }
            if (wanted.size() == absent.size()) {
                results.add(absent.isEmpty() ? Result.written(p, "[]", false) : waitingFor(p, absent));
            } else {
                adding.add(p);
            }
        }
        for (int from = 0; from < adding.size(); from += bulkSize) {
            List<Pending> chunk = adding.subList(from, Math.min(adding.size(), from + bulkSize));
            List<BulkEntry> entries = chunk.stream().map(p -> new BulkEntry(p.record().key(), Map.of("sku",
                    CatalogWriter.sku(p), "items", items(p, missing.getOrDefault(p, List.of()))))).toList();
            BulkReport report = bulk.awaitCompletion(bulk.submit("POST", "products/bySku/links", entries), bulkWait);
            for (BulkOutcome outcome : report.outcomes()) {
                Pending p = chunk.get(outcome.index());
                if (outcome.status() == BulkOperationStatus.COMPLETE) {
                    results.add(missing.containsKey(p) ? partly(p, missing.get(p)) : Result.written(p, json(owned(p)), false));
                } else if (outcome.message() != null && outcome.message().contains(LINKED_DATA_INVALID)) {
                    // a linked product deleted since the look-up: it may come back with the catalog's next run
                    results.add(Result.failedForNow(p, "a linked product is not in Commerce: " + outcome.message()));
                } else {
                    results.add(BulkResults.failure(p, report, outcome, bulkWait));
                }
            }
        }
        return results;
    }

    /** Commerce 2.4's answer to a link naming a SKU it does not have. */
    static final String LINKED_DATA_INVALID = "linked products data is invalid";

    /** Written as far as it goes; the record is tried again next run, when its linked products may exist. */
    private static Result waitingFor(Pending p, List<String> absent) {
        return Result.failedForNow(p, "waiting for linked products " + absent + " (not in Commerce yet)");
    }

    /**
     * Some links written, others wait: the ones written join the links the bridge owns (so a relation D365 drops
     * before the next run still has its link removed), and the record is tried again next run.
     */
    private static Result partly(Pending p, List<String> absent) {
        Set<String> owned = new LinkedHashSet<>(previous(p));
        owned.addAll(owned(p));
        owned.removeIf(link -> absent.contains(link.split(" ", 2)[1]));
        return new Result(p, io.github.d365bridge.flow.sync.SyncWriter.Outcome.FAILED, json(owned),
                "waiting for linked products " + absent + " (not in Commerce yet)", true);
    }

    private void delete(String sku, String type, String linkedSku) {
        try {
            products.deleteLink(sku, type, linkedSku);
        } catch (BridgeException e) {
            if (e.httpStatus() != 404) {
                throw e;
            }
        }
    }

    private static List<Map<String, Object>> items(Pending p, List<String> absent) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode link : p.record().payload().get("links")) {
            if (absent.contains(link.get("linked_product_sku").asText())) {
                continue;
            }
            items.add(Map.of("sku", CatalogWriter.sku(p), "link_type", link.get("link_type").asText(),
                    "linked_product_sku", link.get("linked_product_sku").asText(), "position",
                    link.get("position").asInt()));
        }
        return items;
    }

    /** {@code "type sku"} per link: what the bridge owns once these are written. */
    private static Set<String> owned(JsonNode links) {
        Set<String> owned = new LinkedHashSet<>();
        links.forEach(l -> owned.add(l.get("link_type").asText() + " " + l.get("linked_product_sku").asText()));
        return owned;
    }

    private static Set<String> owned(Pending p) {
        return owned(p.record().payload().get("links"));
    }

    private static String json(Set<String> links) {
        try {
            return Json.mapper().writeValueAsString(links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> previous(Pending p) {
        String stored = p.targetId().orElse("");
        if (stored.isBlank()) {
            return Set.of();
        }
        Set<String> links = new LinkedHashSet<>();
        try {
            Json.mapper().readTree(stored).forEach(l -> links.add(l.asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored links of " + p.record().key() + " are not a JSON list", e);
        }
        return links;
    }
}
