package io.github.d365bridge.client.commerce.sales;

import java.util.stream.Stream;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SearchResults;
import io.github.d365bridge.client.commerce.search.SortOrder;

/**
 * Invoices and payment capture. A second invoice for a fully invoiced order fails with 400 ("The order
 * does not allow an invoice to be created"): flows check {@link #listByOrder} before creating.
 */
public final class InvoiceClient {

    private final CommerceHttp http;
    private final String store;

    public InvoiceClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** {@code POST /V1/order/{orderId}/invoice}; returns the new invoice's entity id. */
    public long create(long orderId, InvoiceRequest request) {
        return http.execute(CommerceRequest.of("POST", store, CommerceRequest.path("order/{}/invoice", orderId),
                "invoices.create").record("order " + orderId).json(request), CommerceAnswers.id());
    }

    /** {@code POST /V1/invoices/{id}/capture}; returns Commerce's answer text. */
    public String capture(long invoiceId) {
        return http.execute(CommerceRequest.of("POST", store, CommerceRequest.path("invoices/{}/capture", invoiceId),
                "invoices.capture").record("invoice " + invoiceId), json -> json.isValueNode() ? json.asText()
                        : CommerceAnswers.string().read(json));
    }

    /** Every invoice of an order, oldest first. */
    public Stream<Invoice> listByOrder(long orderId) {
        SearchCriteria criteria = SearchCriteria.builder().where(Filter.eq("order_id", Long.toString(orderId)))
                .sortBy(SortOrder.asc("entity_id")).pageSize(SearchCriteria.MAX_PAGE_SIZE).build();
        return search(criteria);
    }

    public Stream<Invoice> search(SearchCriteria criteria) {
        return SearchResults.stream(http, criteria, c -> CommerceRequest.of("GET", store, "invoices", "invoices.search")
                .query(c.toQueryParams()), Invoice.class);
    }
}
