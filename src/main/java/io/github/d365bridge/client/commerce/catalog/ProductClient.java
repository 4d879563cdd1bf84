package io.github.d365bridge.client.commerce.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SearchResults;

/**
 * {@code /V1/products}. Writes go through {@code /rest/all/V1} so values land globally: through a store
 * view's path Commerce would save them as that store view's overrides. Reads use the client's store.
 */
public final class ProductClient {

    /** The store code of global (all store views) catalog writes. */
    public static final String GLOBAL_SCOPE = "all";

    private final CommerceHttp http;
    private final String store;

    public ProductClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** {@code POST /V1/products}; fails 400 if the SKU exists. */
    public Product create(Product product) {
        return http.execute(CommerceRequest.of("POST", GLOBAL_SCOPE, "products", "products.create")
                .record(product.sku()).json(body(product)), CommerceAnswers.as(Product.class));
    }

    /** {@code PUT /V1/products/{sku}}: updates, or creates when the SKU does not exist yet. */
    public Product save(Product product) {
        return http.execute(CommerceRequest.of("PUT", GLOBAL_SCOPE, CommerceRequest.path("products/{}", product.sku()),
                "products.save").record(product.sku()).json(body(product)), CommerceAnswers.as(Product.class));
    }

    /** {@code GET /V1/products/{sku}}; empty when the product does not exist. */
    public Optional<Product> get(String sku) {
        return http.find(CommerceRequest.of("GET", store, CommerceRequest.path("products/{}", sku), "products.get")
                .record(sku), CommerceAnswers.as(Product.class));
    }

    /** SKUs per search: an {@code in} list of 100 keeps the URL a few kilobytes long. */
    static final int SEARCH_BATCH = 100;

    /**
     * The products among {@code skus} that exist, by SKU: {@code GET /V1/products} with an {@code in} filter on
     * {@code sku}, {@value #SEARCH_BATCH} SKUs a call. A SKU holding a comma cannot sit in an {@code in} list
     * (Commerce splits it there) and is looked for with an {@code eq} filter of its own.
     */
    public Map<String, Product> findBySkus(java.util.Collection<String> skus) {
        Map<String, Product> found = new java.util.HashMap<>();
        List<String> listable = skus.stream().filter(sku -> sku.indexOf(',') < 0).distinct().toList();
        for (int from = 0; from < listable.size(); from += SEARCH_BATCH) {
            List<String> batch = listable.subList(from, Math.min(listable.size(), from + SEARCH_BATCH));
            search(SearchCriteria.builder().where(Filter.in("sku", batch)).pageSize(batch.size()).build(), found);
        }
        skus.stream().filter(sku -> sku.indexOf(',') >= 0).distinct().forEach(sku ->
                search(SearchCriteria.builder().where(Filter.eq("sku", sku)).pageSize(1).build(), found));
        return found;
    }

    private void search(SearchCriteria criteria, Map<String, Product> found) {
        SearchResults.page(http, criteria, c -> CommerceRequest.of("GET", store, "products", "products.search")
                .record(c.filterGroups().get(0).filters().get(0).values().size() + " SKUs").query(c.toQueryParams()),
                Product.class).items().forEach(p -> found.put(p.sku(), p));
    }

    /** {@code POST /V1/products/{sku}/websites}: assigns the product to a website (nothing else changes). */
    public void assignWebsite(String sku, int websiteId) {
        http.execute(CommerceRequest.of("POST", GLOBAL_SCOPE, CommerceRequest.path("products/{}/websites", sku),
                "products.websites").upsert().record(sku).json(Map.of("productWebsiteLink",
                        Map.of("sku", sku, "website_id", websiteId))), CommerceAnswers.isTrue());
    }

    /** {@code DELETE /V1/products/{sku}/websites/{websiteId}}: takes the product off one website. */
    public void unassignWebsite(String sku, int websiteId) {
        http.execute(CommerceRequest.of("DELETE", GLOBAL_SCOPE, CommerceRequest.path("products/{}/websites/{}", sku,
                websiteId), "products.websites.delete").upsert().record(sku), CommerceAnswers.isTrue());
    }

    /**
     * {@code PUT /rest/<store>/V1/products/{sku}}: the values sent become that store view's own ({@code all}: the
     * global ones). Only what is sent changes.
     */
    public Product saveIn(String storeCode, Product product) {
        return http.execute(CommerceRequest.of("PUT", storeCode, CommerceRequest.path("products/{}", product.sku()),
                "products.save").record(product.sku()).json(body(product)), CommerceAnswers.as(Product.class));
    }

    /** {@code POST /V1/products/{sku}/links}: adds or updates the given links of {@code sku}. */
    public void saveLinks(String sku, List<ProductLink> links) {
        http.execute(CommerceRequest.of("POST", GLOBAL_SCOPE, CommerceRequest.path("products/{}/links", sku),
                "products.links").upsert().record(sku).json(Map.of("items", links)), CommerceAnswers.isTrue());
    }

    /** {@code GET /V1/products/{sku}/links/{type}}: the product's links of one type. */
    public List<ProductLink> links(String sku, String type) {
        return http.execute(CommerceRequest.of("GET", GLOBAL_SCOPE, CommerceRequest.path("products/{}/links/{}", sku, type),
                "products.links.get").record(sku), CommerceAnswers.listOf(ProductLink.class));
    }

    /** {@code DELETE /V1/products/{sku}/links/{type}/{linkedSku}}: removes one link. */
    public void deleteLink(String sku, String type, String linkedSku) {
        http.execute(CommerceRequest.of("DELETE", GLOBAL_SCOPE, CommerceRequest.path("products/{}/links/{}/{}", sku, type,
                linkedSku), "products.links.delete").upsert().record(sku), CommerceAnswers.isTrue());
    }

    private static Map<String, Object> body(Product product) {
        return Map.of("product", product, "saveOptions", true);
    }
}
