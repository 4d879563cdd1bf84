package io.github.d365bridge.flow.orders.outcome;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.entities.SalesOrderHeaderV2;
import io.github.d365bridge.client.d365.odata.ODataLiteral;
import io.github.d365bridge.client.d365.odata.ODataQuery;
import io.github.d365bridge.flow.orders.OrderKey;

/**
 * Asks D365 which of our orders it already has, by customer reference (our order key). Used after an
 * import to learn the sales order numbers D365 generated, and before one, to catch an order imported
 * by a run that crashed before it could record that. D365 has no {@code in} operator, so the keys go
 * in chunks of {@code or}-ed equalities short enough for a URL.
 */
public final class D365OrderLookup {

    private static final int KEYS_PER_QUERY = 20;

    private final D365Client d365;

    public D365OrderLookup(D365Client d365) {
        this.d365 = d365;
    }

    /** Sales order number by order key, for the keys D365 has in {@code legalEntity}. */
    public Map<OrderKey, String> salesOrderNumbers(String legalEntity, Collection<OrderKey> keys) {
        Map<String, OrderKey> byReference = keys.stream().collect(Collectors.toMap(OrderKey::toString, k -> k, (a, b) -> a));
        List<String> references = new ArrayList<>(byReference.keySet());
        Map<OrderKey, String> found = new HashMap<>();
        for (int from = 0; from < references.size(); from += KEYS_PER_QUERY) {
            String filter = references.subList(from, Math.min(references.size(), from + KEYS_PER_QUERY)).stream()
                    .map(r -> "CustomersOrderReference eq " + ODataLiteral.string(r)).collect(Collectors.joining(" or "));
            try (Stream<SalesOrderHeaderV2> headers = d365.odata().stream(SalesOrderHeaderV2.ENTITY_SET,
                    ODataQuery.all().company(legalEntity).filter(filter)
                            .select("dataAreaId", "SalesOrderNumber", "CustomersOrderReference"),
                    SalesOrderHeaderV2.class)) {
                headers.forEach(h -> {
                    OrderKey key = byReference.get(h.customersOrderReference());
                    if (key != null) {
                        // Two D365 orders for one reference would be a duplicate we must not hide: keep the first
                        // and let the caller's reconciliation see the count.
                        found.putIfAbsent(key, h.salesOrderNumber());
                    }
                });
            }
        }
        return found;
    }
}
