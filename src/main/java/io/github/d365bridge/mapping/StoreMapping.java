package io.github.d365bridge.mapping;

import java.util.Optional;

/**
 * What one Commerce store view maps to.
 *
 * @param legalEntity D365 {@code dataAreaId} its orders are imported into
 * @param languageId  D365 language of the order ({@code LanguageId}, e.g. {@code en-us})
 * @param currency    the order currency this store must send ({@code order_currency_code}); another
 *                    currency fails the order rather than importing amounts in the wrong currency
 * @param warehouse   default shipping warehouse of the order and its lines; optional
 * @param site        default shipping site; optional
 */
public record StoreMapping(String legalEntity, String languageId, String currency, String warehouse, String site) {

    public Optional<String> warehouseId() {
        return Optional.ofNullable(warehouse).filter(w -> !w.isEmpty());
    }

    public Optional<String> siteId() {
        return Optional.ofNullable(site).filter(s -> !s.isEmpty());
    }
}
