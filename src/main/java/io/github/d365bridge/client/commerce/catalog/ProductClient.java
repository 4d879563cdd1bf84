package io.github.d365bridge.client.commerce.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;

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

    /** {@code POST /V1/products/{sku}/links}: adds or updates the given links of {@code sku}. */
    public void saveLinks(String sku, List<ProductLink> links) {
        http.execute(CommerceRequest.of("POST", GLOBAL_SCOPE, CommerceRequest.path("products/{}/links", sku),
                "products.links").upsert().record(sku).json(Map.of("items", links)), CommerceAnswers.isTrue());
    }

    private static Map<String, Object> body(Product product) {
        return Map.of("product", product, "saveOptions", true);
    }
}
