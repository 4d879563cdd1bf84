package io.github.d365bridge.client.commerce.price;

import java.util.Map;

/**
 * A row of a bulk price call, as its failures identify it: the SKU plus the scope values Commerce puts
 * into the failure's parameters ({@code websiteId}, {@code customerGroup}, {@code qty}, {@code storeId}),
 * keyed by lower-case parameter name.
 */
public interface PriceRow {

    String sku();

    Map<String, String> identity();
}
