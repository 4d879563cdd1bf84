package io.github.d365bridge.flow.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CustomAttribute;
import io.github.d365bridge.client.commerce.bulk.BulkEntry;
import io.github.d365bridge.client.commerce.bulk.BulkOperationStatus;
import io.github.d365bridge.client.commerce.bulk.BulkOutcome;
import io.github.d365bridge.client.commerce.bulk.BulkReport;
import io.github.d365bridge.client.commerce.bulk.BulkSubmission;
import io.github.d365bridge.client.commerce.catalog.Product;
import io.github.d365bridge.flow.sync.BulkResults;
import io.github.d365bridge.flow.sync.SyncWriter;

/**
 * Writes one page of catalog records through Commerce's async bulk API, in the order Commerce needs:
 * products first ({@code PUT async/bulk/V1/products/bySku} on {@code /rest/all}), then, once their bulk is
 * done, the website assignments ({@code POST …/products/bySku/websites}) and each store view's values
 * ({@code PUT /rest/<store>/async/bulk/V1/products/bySku}). A record whose product did not make it waits for
 * the next run rather than creating half a product through a store view.
 *
 * <p>Idempotent: every write is a save by SKU. Which SKUs exist is asked once per page, only for products the
 * bridge has not confirmed yet: a new product is created with its URL key and its websites in the same call; a
 * product that was there before the bridge (or created by a try whose answer was lost) is adopted, keeping its
 * URL key, and never gets {@code type_id} sent (a configurable product stays configurable).
 */
final class CatalogWriter implements SyncWriter {

    private static final Logger LOG = Logger.getLogger(CatalogWriter.class);

    private final CommerceClient commerce;
    /** Products and websites are written in the global scope: through a store view they would be its values. */
    private final CommerceClient global;
    private final int bulkSize;
    private final Duration bulkWait;

    /**
     * @param bulkSize entries per bulk call (Commerce takes up to 5,000)
     * @param bulkWait how long a step waits for each bulk; operations still open then are retried next run
     */
    CatalogWriter(CommerceClient commerce, int bulkSize, Duration bulkWait) {
        this.commerce = commerce;
        this.global = commerce.inStore(io.github.d365bridge.client.commerce.catalog.ProductClient.GLOBAL_SCOPE);
        this.bulkSize = bulkSize;
        this.bulkWait = bulkWait;
    }

    @Override
    public List<Result> write(List<Pending> pending) {
        Map<String, List<Pending>> byType = pending.stream().collect(Collectors.groupingBy(p -> p.record().type(),
                LinkedHashMap::new, Collectors.toList()));
        Map<String, Pending> websitesBySku = new HashMap<>();
        byType.getOrDefault(CatalogMapper.WEBSITE_LIST, List.of()).forEach(p -> websitesBySku.put(sku(p), p));

        List<Pending> products = byType.getOrDefault(CatalogMapper.PRODUCT, List.of());
        Set<String> inBatch = products.stream().map(CatalogWriter::sku).collect(Collectors.toSet());
        // which SKUs exist, asked once: products the bridge has not confirmed, and store views or websites never
        // written whose product is not in this page (its record failed before): those must not run ahead of it
        Set<String> ask = new LinkedHashSet<>();
        products.stream().filter(p -> p.targetId().isEmpty()).map(CatalogWriter::sku).forEach(ask::add);
        Set<String> dependents = new LinkedHashSet<>();
        for (String type : List.of(CatalogMapper.WEBSITE_LIST, CatalogMapper.STORE)) {
            byType.getOrDefault(type, List.of()).stream().filter(p -> p.targetId().isEmpty() && !inBatch.contains(sku(p)))
                    .map(CatalogWriter::sku).forEach(dependents::add);
        }
        ask.addAll(dependents);
        Map<String, Product> existing = ask.isEmpty() ? Map.of() : commerce.products().findBySkus(ask);

        List<Result> results = new ArrayList<>();
        Map<String, String> productFailures = new HashMap<>();
        dependents.stream().filter(sku -> !existing.containsKey(sku)).forEach(sku -> productFailures.put(sku,
                "the product is not in Commerce (its product record failed; see its reason)"));
        Map<Pending, ObjectNode> payloads = new HashMap<>();
        List<Pending> resolved = new ArrayList<>();
        AttributeOptions options = new AttributeOptions(commerce.attributes());
        for (Pending p : products) {
            try {
                payloads.put(p, withOptions(p.record().payload(), options));
                resolved.add(p);
            } catch (AttributeOptions.Unresolved e) {
                results.add(Result.failedForNow(p, e.getMessage()));
                productFailures.put(sku(p), e.getMessage());
            }
        }
        if (options.created() > 0) {
            LOG.infof("Catalog: %d attribute options added to Commerce for variants", options.created());
        }
        Set<String> createdWithWebsites = new java.util.HashSet<>();
        for (Result result : writeProducts(resolved, payloads, existing, websitesBySku, createdWithWebsites)) {
            results.add(result);
            if (!result.confirmed()) {
                productFailures.put(sku(result.pending()), result.reason());
            }
        }
        List<Pending> websites = new ArrayList<>();
        for (Pending p : byType.getOrDefault(CatalogMapper.WEBSITE_LIST, List.of())) {
            if (productFailures.containsKey(sku(p))) {
                results.add(waiting(p, productFailures.get(sku(p))));
            } else if (createdWithWebsites.contains(sku(p))) {
                results.add(Result.written(p, ids(p.record().payload()), false));
            } else {
                websites.add(p);
            }
        }
        List<Pending> storeValues = new ArrayList<>();
        for (Pending p : byType.getOrDefault(CatalogMapper.STORE, List.of())) {
            if (productFailures.containsKey(sku(p))) {
                results.add(waiting(p, productFailures.get(sku(p))));
            } else {
                storeValues.add(p);
            }
        }
        results.addAll(writeWebsites(websites));
        results.addAll(writeStoreValues(storeValues));
        List<Pending> children = new ArrayList<>();
        for (Pending p : byType.getOrDefault(CatalogMapper.CHILD, List.of())) {
            String parent = sku(p);
            String child = p.record().payload().get("childSku").asText();
            if (productFailures.containsKey(parent)) {
                results.add(Result.failedForNow(p, "waiting for its configurable product: " + productFailures.get(parent)));
            } else if (productFailures.containsKey(child)) {
                results.add(waiting(p, productFailures.get(child)));
            } else {
                children.add(p);
            }
        }
        results.addAll(writeChildren(children));
        List<Pending> links = new ArrayList<>();
        for (Pending p : byType.getOrDefault(CatalogMapper.LINKS, List.of())) {
            if (productFailures.containsKey(sku(p))) {
                results.add(waiting(p, productFailures.get(sku(p))));
            } else {
                links.add(p);
            }
        }
        Set<String> written = new java.util.HashSet<>();
        results.stream().filter(r -> r.confirmed() && CatalogMapper.PRODUCT.equals(r.pending().record().type()))
                .forEach(r -> written.add(sku(r.pending())));
        results.addAll(new LinkWriter(commerce.products(), global.bulk(), bulkSize, bulkWait).write(links, written));
        return results;
    }

    // ---- configurable products ---------------------------------------------------------------------------

    /**
     * The product as Commerce takes it: a master's options by label become
     * {@code extension_attributes.configurable_product_options} with attribute and option ids; a variant's
     * option labels become its select attributes' option ids.
     */
    private static ObjectNode withOptions(ObjectNode payload, AttributeOptions options) {
        if (!payload.has(CatalogMapper.CONFIGURABLE_OPTIONS) && !payload.has(CatalogMapper.VARIANT_OPTIONS)) {
            return payload;
        }
        ObjectNode product = payload.deepCopy();
        JsonNode configurable = product.remove(CatalogMapper.CONFIGURABLE_OPTIONS);
        if (configurable != null) {
            ArrayNode list = product.with("extension_attributes").putArray("configurable_product_options");
            for (JsonNode option : configurable) {
                String code = option.get("attribute_code").asText();
                ObjectNode sent = list.addObject().put("attribute_id", String.valueOf(options.attributeId(code)))
                        .put("label", options.label(code)).put("position", option.path("position").asInt());
                ArrayNode values = sent.putArray("values");
                option.get("values").forEach(v -> values.addObject().put("value_index",
                        Integer.parseInt(options.optionId(code, v.asText()))));
            }
        }
        JsonNode variant = product.remove(CatalogMapper.VARIANT_OPTIONS);
        if (variant != null) {
            variant.fields().forEachRemaining(f -> withAttribute(product, f.getKey(),
                    options.optionId(f.getKey(), f.getValue().asText())));
        }
        return product;
    }

    /**
     * {@code POST async/bulk/V1/configurable-products/bySku/child}: links each variant to its configurable
     * product, after both were saved with their options. A link Commerce already has counts as written (a try
     * whose answer was lost, or a link made by hand).
     */
    private List<Result> writeChildren(List<Pending> children) {
        List<Result> results = new ArrayList<>();
        for (List<Pending> chunk : chunks(children)) {
            List<BulkEntry> entries = chunk.stream().map(p -> new BulkEntry(p.record().key(), Map.of("sku", sku(p),
                    "childSku", p.record().payload().get("childSku").asText()))).toList();
            BulkReport report = run(global, "POST", "configurable-products/bySku/child", entries);
            for (BulkOutcome outcome : report.outcomes()) {
                Pending p = chunk.get(outcome.index());
                if (outcome.status() == BulkOperationStatus.COMPLETE || alreadyAttached(outcome.message())) {
                    results.add(Result.written(p, sku(p), false));
                } else {
                    results.add(BulkResults.failure(p, report, outcome, bulkWait));
                }
            }
        }
        return results;
    }

    private static boolean alreadyAttached(String message) {
        return message != null && message.contains("already attached");
    }

    private static Result waiting(Pending p, String productFailure) {
        return Result.failedForNow(p, "waiting for its product: " + productFailure);
    }

    // ---- products --------------------------------------------------------------------------------------

    /** One product save to send: the key it carries and whether it creates the product. */
    private record ProductSave(Pending pending, ObjectNode payload, String urlKey, boolean create,
            List<Integer> websiteIds) {
    }

    private List<Result> writeProducts(List<Pending> products, Map<Pending, ObjectNode> payloads,
            Map<String, Product> existing, Map<String, Pending> websitesBySku, Set<String> created) {
        if (products.isEmpty()) {
            return List.of();
        }
        List<ProductSave> saves = new ArrayList<>();
        for (Pending p : products) {
            String sku = sku(p);
            Product found = existing.get(sku);
            boolean create = p.targetId().isEmpty() && found == null;
            String urlKey = p.targetId().filter(k -> !k.isEmpty())
                    .or(() -> Optional.ofNullable(found).flatMap(CatalogWriter::urlKeyOf))
                    .orElseGet(() -> UrlKeys.of(p.record().payload().path("name").asText(), p.record().key()));
            List<Integer> websites = create && websitesBySku.containsKey(sku)
                    ? idList(websitesBySku.get(sku).record().payload()) : List.of();
            saves.add(new ProductSave(p, payloads.get(p), urlKey, create, websites));
        }
        Map<ProductSave, Result> results = new LinkedHashMap<>();
        List<ProductSave> taken = saveProducts(saves, results);
        if (!taken.isEmpty()) {
            // made keys another product has: once more with the item's hash in the key
            List<ProductSave> again = taken.stream().map(s -> new ProductSave(s.pending(), s.payload(), UrlKeys.fallback(
                    s.pending().record().payload().path("name").asText(), s.pending().record().key()), s.create(),
                    s.websiteIds())).toList();
            LOG.infof("Catalog: %d URL keys were taken in Commerce; trying them with the item's hash", again.size());
            saveProducts(again, results).forEach(s -> results.put(s, Result.failed(s.pending(), "URL key '" + s.urlKey()
                    + "' is taken in Commerce by another product (" + UrlKeys.TAKEN + ")")));
        }
        for (Map.Entry<ProductSave, Result> entry : results.entrySet()) {
            if (entry.getValue().confirmed() && entry.getKey().create() && !entry.getKey().websiteIds().isEmpty()) {
                created.add(sku(entry.getKey().pending()));
            }
        }
        return new ArrayList<>(results.values());
    }

    /** Saves in bulks; answers the saves refused for a taken URL key that a fallback key may fix. */
    private List<ProductSave> saveProducts(List<ProductSave> saves, Map<ProductSave, Result> results) {
        List<ProductSave> retry = new ArrayList<>();
        for (List<ProductSave> chunk : chunks(saves)) {
            List<BulkEntry> entries = chunk.stream().map(this::productEntry).toList();
            BulkReport report = run(global, "PUT", "products/bySku", entries);
            for (BulkOutcome outcome : report.outcomes()) {
                ProductSave save = chunk.get(outcome.index());
                if (outcome.status() == BulkOperationStatus.COMPLETE) {
                    results.put(save, Result.written(save.pending(), save.urlKey(), !save.create()
                            && save.pending().targetId().isEmpty()));
                } else if (UrlKeys.taken(outcome.message()) && !keyWasKept(save)) {
                    retry.add(save);
                } else {
                    results.put(save, BulkResults.failure(save.pending(), report, outcome, bulkWait));
                }
            }
        }
        return retry;
    }

    /** A key the product had before (confirmed by the bridge, or found in Commerce) is never replaced. */
    private static boolean keyWasKept(ProductSave save) {
        return save.pending().targetId().filter(k -> k.equals(save.urlKey())).isPresent();
    }

    private BulkEntry productEntry(ProductSave save) {
        ObjectNode product = save.payload().deepCopy();
        if (!save.create()) {
            product.remove("type_id"); // an existing product keeps its type
        }
        withAttribute(product, "url_key", save.urlKey());
        if (!save.websiteIds().isEmpty()) {
            ArrayNode ids = product.with("extension_attributes").putArray("website_ids");
            save.websiteIds().forEach(ids::add);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku(save.pending()));
        body.put("product", product);
        body.put("saveOptions", true);
        return new BulkEntry(save.pending().record().key(), body);
    }

    // ---- websites ----------------------------------------------------------------------------------------

    private List<Result> writeWebsites(List<Pending> websites) {
        List<Result> results = new ArrayList<>();
        List<Pending> assigning = new ArrayList<>();
        List<int[]> owners = new ArrayList<>(); // entry → {record index, website id}
        List<BulkEntry> entries = new ArrayList<>();
        for (Pending p : websites) {
            Set<Integer> wanted = new TreeSet<>(idList(p.record().payload()));
            Set<Integer> before = p.targetId().map(CatalogWriter::parseIds).orElse(Set.of());
            try {
                for (Integer gone : before) {
                    if (!wanted.contains(gone)) {
                        commerce.products().unassignWebsite(sku(p), gone);
                    }
                }
            } catch (RuntimeException e) {
                results.add(Result.failedForNow(p, "website not unassigned: " + e.getMessage()));
                continue;
            }
            if (wanted.isEmpty()) {
                results.add(Result.written(p, "", false));
                continue;
            }
            assigning.add(p);
            for (Integer id : wanted) {
                owners.add(new int[] {assigning.size() - 1, id});
                entries.add(new BulkEntry(p.record().key() + "@" + id, Map.of("sku", sku(p),
                        "productWebsiteLink", Map.of("sku", sku(p), "website_id", id))));
            }
        }
        Map<Integer, Result> failures = new HashMap<>();
        for (int from = 0; from < entries.size(); from += bulkSize) {
            List<BulkEntry> chunk = entries.subList(from, Math.min(entries.size(), from + bulkSize));
            BulkReport report = run(global, "POST", "products/bySku/websites", chunk);
            for (BulkOutcome outcome : report.outcomes()) {
                int record = owners.get(from + outcome.index())[0];
                if (outcome.status() != BulkOperationStatus.COMPLETE) {
                    failures.putIfAbsent(record, BulkResults.failure(assigning.get(record), report, outcome, bulkWait));
                }
            }
        }
        for (int i = 0; i < assigning.size(); i++) {
            Pending p = assigning.get(i);
            results.add(failures.containsKey(i) ? failures.get(i) : Result.written(p, ids(p.record().payload()), false));
        }
        return results;
    }

    // ---- store views -------------------------------------------------------------------------------------

    private record StoreSave(Pending pending, String urlKey) {
    }

    private List<Result> writeStoreValues(List<Pending> values) {
        Map<String, List<StoreSave>> byStore = new LinkedHashMap<>();
        for (Pending p : values) {
            String store = p.record().scope().substring(CatalogMapper.STORE_PREFIX.length());
            JsonNode payload = p.record().payload();
            String urlKey = !payload.hasNonNull("name") ? "" : p.targetId().filter(k -> !k.isEmpty())
                    .orElseGet(() -> UrlKeys.of(payload.get("name").asText(), p.record().key()));
            byStore.computeIfAbsent(store, s -> new ArrayList<>()).add(new StoreSave(p, urlKey));
        }
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, List<StoreSave>> store : byStore.entrySet()) {
            CommerceClient scoped = commerce.inStore(store.getKey());
            List<StoreSave> retry = saveStoreValues(scoped, store.getValue(), results);
            if (!retry.isEmpty()) {
                List<StoreSave> again = retry.stream().map(s -> new StoreSave(s.pending(), UrlKeys.fallback(
                        s.pending().record().payload().get("name").asText(), s.pending().record().key()))).toList();
                saveStoreValues(scoped, again, results).forEach(s -> results.add(Result.failed(s.pending(),
                        "URL key '" + s.urlKey() + "' is taken in store view " + store.getKey() + " (" + UrlKeys.TAKEN + ")")));
            }
        }
        return results;
    }

    private List<StoreSave> saveStoreValues(CommerceClient scoped, List<StoreSave> saves, List<Result> results) {
        List<StoreSave> retry = new ArrayList<>();
        for (List<StoreSave> chunk : chunks(saves)) {
            List<BulkEntry> entries = chunk.stream().map(s -> {
                ObjectNode product = s.pending().record().payload().deepCopy();
                if (!s.urlKey().isEmpty()) {
                    withAttribute(product, "url_key", s.urlKey());
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("sku", sku(s.pending()));
                body.put("product", product);
                body.put("saveOptions", true);
                return new BulkEntry(s.pending().record().key(), body);
            }).toList();
            BulkReport report = run(scoped, "PUT", "products/bySku", entries);
            for (BulkOutcome outcome : report.outcomes()) {
                StoreSave save = chunk.get(outcome.index());
                if (outcome.status() == BulkOperationStatus.COMPLETE) {
                    results.add(Result.written(save.pending(), save.urlKey(), false));
                } else if (UrlKeys.taken(outcome.message()) && save.pending().targetId().filter(save.urlKey()::equals).isEmpty()) {
                    retry.add(save);
                } else {
                    results.add(BulkResults.failure(save.pending(), report, outcome, bulkWait));
                }
            }
        }
        return retry;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private BulkReport run(CommerceClient client, String method, String route, List<BulkEntry> entries) {
        BulkSubmission submission = client.bulk().submit(method, route, entries);
        return client.bulk().awaitCompletion(submission, bulkWait);
    }

    private <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += bulkSize) {
            chunks.add(items.subList(from, Math.min(items.size(), from + bulkSize)));
        }
        return chunks;
    }

    static String sku(Pending p) {
        return p.record().payload().get("sku").asText();
    }

    private static List<Integer> idList(JsonNode payload) {
        List<Integer> ids = new ArrayList<>();
        payload.path("website_ids").forEach(id -> ids.add(id.asInt()));
        return ids;
    }

    private static String ids(JsonNode payload) {
        return idList(payload).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Set<Integer> parseIds(String ids) {
        return ids.isBlank() ? Set.of() : Arrays.stream(ids.split(",")).map(Integer::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Optional<String> urlKeyOf(Product product) {
        return product.customAttributes() == null ? Optional.empty() : product.customAttributes().stream()
                .filter(a -> "url_key".equals(a.attributeCode())).map(CustomAttribute::value)
                .filter(v -> v != null && v.isTextual() && !v.asText().isEmpty()).map(JsonNode::asText).findFirst();
    }

    private static void withAttribute(ObjectNode product, String code, String value) {
        ArrayNode attributes = product.has("custom_attributes") ? (ArrayNode) product.get("custom_attributes")
                : product.putArray("custom_attributes");
        for (JsonNode attribute : attributes) {
            if (code.equals(attribute.path("attribute_code").asText())) {
                ((ObjectNode) attribute).put("value", value);
                return;
            }
        }
        attributes.addObject().put("attribute_code", code).put("value", value);
    }
}
