package io.github.d365bridge.client.commerce.bulk;

import java.util.Objects;

/**
 * One element of a bulk submission: the sync body (with path parameters moved in, e.g.
 * {@code {"sku":…,"product":{…}}} for {@code products/bySku}) and the business key it belongs to, so
 * every outcome can name its record.
 */
public record BulkEntry(String recordKey, Object body) {

    public BulkEntry {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(body, "body");
    }
}
