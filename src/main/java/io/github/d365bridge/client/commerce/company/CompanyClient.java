package io.github.d365bridge.client.commerce.company;

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

/** {@code /V1/company/} (Adobe Commerce B2B): create, update and search companies. */
public final class CompanyClient {

    private final CommerceHttp http;
    private final String store;

    public CompanyClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** {@code POST /V1/company/} (the trailing slash is part of the route). */
    public Company create(Company company) {
        return http.execute(CommerceRequest.of("POST", store, "company/", "companies.create")
                .record(company.companyName()).json(Map.of("company", company)), CommerceAnswers.as(Company.class));
    }

    public Company update(long companyId, Company company) {
        return http.execute(CommerceRequest.of("PUT", store, CommerceRequest.path("company/{}", companyId),
                "companies.update").record(company.companyName() == null ? "id " + companyId : company.companyName())
                .json(Map.of("company", company.withId(companyId))), CommerceAnswers.as(Company.class));
    }

    /** {@code GET /V1/company/{id}}; empty when no company has this id. */
    public Optional<Company> get(long companyId) {
        return http.find(CommerceRequest.of("GET", store, CommerceRequest.path("company/{}", companyId), "companies.get")
                .record("company " + companyId), CommerceAnswers.as(Company.class));
    }

    /** The company with this e-mail (unique across the store, compared case-insensitively by Commerce). */
    public Optional<Company> findByEmail(String companyEmail) {
        SearchCriteria criteria = SearchCriteria.builder().where(Filter.eq("company_email", companyEmail)).pageSize(2).build();
        List<Company> found = SearchResults.page(http, criteria, c -> request(c).record(companyEmail), Company.class).items();
        return found.stream().filter(c -> companyEmail.equalsIgnoreCase(c.companyEmail())).findFirst();
    }

    public Stream<Company> search(SearchCriteria criteria) {
        return SearchResults.stream(http, criteria, this::request, Company.class);
    }

    public SearchPage<Company> searchPage(SearchCriteria criteria) {
        return SearchResults.page(http, criteria, this::request, Company.class);
    }

    private CommerceRequest request(SearchCriteria criteria) {
        return CommerceRequest.of("GET", store, "company/", "companies.search").query(criteria.toQueryParams());
    }
}
