package io.github.d365bridge.flow.orders;

import java.util.Objects;

/**
 * The business identity of a Commerce order: {@code <store code>:<increment id>}. It is the ledger's
 * key, the envelope's business key, and the D365 customer reference ({@code CustomersOrderReference}),
 * so D365 can be asked whether an order already exists.
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record OrderKey(String storeCode, String incrementId) {

    public OrderKey {
        Objects.requireNonNull(storeCode, "storeCode");
        Objects.requireNonNull(incrementId, "incrementId");
        if (storeCode.isBlank() || incrementId.isBlank() || storeCode.contains(":")) {
            throw new IllegalArgumentException("Order key needs a store code without ':' and an increment id, got '"
                    + storeCode + "' / '" + incrementId + "'");
        }
    }

    public static OrderKey parse(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("Not an order key '<store>:<increment id>': " + value);
        }
        return new OrderKey(value.substring(0, colon), value.substring(colon + 1));
    }

    @Override
    public String toString() {
        return storeCode + ":" + incrementId;
    }
}
