package io.github.d365bridge.client.commerce.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SearchPage;
import io.github.d365bridge.client.commerce.search.SearchResults;

/** {@code /V1/customers}: create, update and search customers in one store. */
public final class CustomerClient {

    private final CommerceHttp http;
    private final String store;

    public CustomerClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** {@code POST /V1/customers}; a password is optional (customers created without one get a reset mail). */
    public Customer create(Customer customer, Optional<String> password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", customer);
        password.ifPresent(p -> body.put("password", p));
        return http.execute(CommerceRequest.of("POST", store, "customers", "customers.create")
                .record(customer.email()).json(body), CommerceAnswers.as(Customer.class));
    }

    /** {@code PUT /V1/customers/{id}}; the customer's id is set from {@code customerId}. */
    public Customer update(long customerId, Customer customer) {
        return http.execute(CommerceRequest.of("PUT", store, CommerceRequest.path("customers/{}", customerId),
                "customers.update").record(customer.email() == null ? "id " + customerId : customer.email())
                .json(Map.of("customer", customer.withId(customerId))), CommerceAnswers.as(Customer.class));
    }

    /** {@code GET /V1/customers/{id}}; empty when no customer has this id. */
    public Optional<Customer> get(long customerId) {
        return http.find(CommerceRequest.of("GET", store, CommerceRequest.path("customers/{}", customerId),
                "customers.get").record("customer " + customerId), CommerceAnswers.as(Customer.class));
    }

    /**
     * The customer with this e-mail on this website (e-mails are unique per website, compared
     * case-insensitively by Commerce): one search on {@code email} and {@code website_id}, the call to
     * decide between create and adopt.
     */
    public Optional<Customer> findByEmail(String email, int websiteId) {
        SearchCriteria criteria = SearchCriteria.builder().where(Filter.eq("email", email))
                .where(Filter.eq("website_id", Integer.toString(websiteId))).pageSize(2).build();
        List<Customer> found = SearchResults.page(http, criteria, c -> request(c).record(email), Customer.class).items();
        return found.stream().filter(c -> email.equalsIgnoreCase(c.email())).findFirst();
    }

    /** All matching customers, page by page as the stream is consumed. */
    public Stream<Customer> search(SearchCriteria criteria) {
        return SearchResults.stream(http, criteria, this::request, Customer.class);
    }

    public SearchPage<Customer> searchPage(SearchCriteria criteria) {
        return SearchResults.page(http, criteria, this::request, Customer.class);
    }

    private CommerceRequest request(SearchCriteria criteria) {
        return CommerceRequest.of("GET", store, "customers/search", "customers.search").query(criteria.toQueryParams());
    }
}
