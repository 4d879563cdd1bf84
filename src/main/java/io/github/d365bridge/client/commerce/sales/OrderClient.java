package io.github.d365bridge.client.commerce.sales;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SearchPage;
import io.github.d365bridge.client.commerce.search.SearchResults;

/** {@code /V1/orders}: read orders, add comments and write the D365 reference back. */
public final class OrderClient {

    private final CommerceHttp http;
    private final String store;

    public OrderClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** All matching orders, fetched page by page as the stream is consumed. */
    public Stream<Order> search(SearchCriteria criteria) {
        return SearchResults.stream(http, criteria, this::request, Order.class);
    }

    public SearchPage<Order> searchPage(SearchCriteria criteria) {
        return SearchResults.page(http, criteria, this::request, Order.class);
    }

    /** {@code GET /V1/orders/{id}}; empty when no order has this entity id. */
    public Optional<Order> get(long orderId) {
        return http.find(CommerceRequest.of("GET", store, CommerceRequest.path("orders/{}", orderId), "orders.get")
                .record("order " + orderId), CommerceAnswers.as(Order.class));
    }

    /** {@code POST /V1/orders/{id}/comments}: the safe way to leave a note on an order. */
    public void addComment(long orderId, OrderComment comment) {
        http.execute(CommerceRequest.of("POST", store, CommerceRequest.path("orders/{}/comments", orderId),
                "orders.comment").record("order " + orderId).json(Map.of("statusHistory", comment.forOrder(orderId))),
                CommerceAnswers.isTrue());
    }

    /**
     * Writes {@code ext_order_id} into {@code order}, which must have been read in full just before: there
     * is no dedicated endpoint, so this is {@code POST /V1/orders} with the fields the contract requires,
     * each carrying the value the order already has (see {@link ExtOrderIdSave}). Magento answers with the
     * entity it saved.
     */
    public Order writeExtOrderId(Order order, String extOrderId) {
        ExtOrderIdSave entity = ExtOrderIdSave.of(order, extOrderId);
        return http.execute(CommerceRequest.of("POST", store, "orders", "orders.ext-order-id").upsert()
                .record("order " + entity.entityId()).json(Map.of("entity", entity)), CommerceAnswers.as(Order.class));
    }

    private CommerceRequest request(SearchCriteria criteria) {
        return CommerceRequest.of("GET", store, "orders", "orders.search").query(criteria.toQueryParams());
    }
}
