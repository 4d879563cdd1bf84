package io.github.d365bridge.client.commerce.company;

import java.util.Map;
import java.util.Optional;

import io.github.d365bridge.client.commerce.CommerceAnswers;
import io.github.d365bridge.client.commerce.CommerceHttp;
import io.github.d365bridge.client.commerce.CommerceRequest;

/**
 * {@code /V1/companyCredits} (Adobe Commerce B2B): read a company's credit and set its limit, currency
 * and whether orders may exceed it. The credit id is not the company id: read the credit by company
 * first, then update it by its own id.
 */
public final class CompanyCreditClient {

    private final CommerceHttp http;
    private final String store;

    public CompanyCreditClient(CommerceHttp http, String store) {
        this.http = http;
        this.store = store;
    }

    /** {@code GET /V1/companyCredits/company/{companyId}}; empty when Commerce knows no such company. */
    public Optional<CompanyCredit> byCompany(long companyId) {
        return http.find(CommerceRequest.of("GET", store, CommerceRequest.path("companyCredits/company/{}", companyId),
                "company-credits.by-company").record("company " + companyId), CommerceAnswers.as(CompanyCredit.class));
    }

    /** {@code GET /V1/companyCredits/{creditId}}; empty when there is no such credit. */
    public Optional<CompanyCredit> get(long creditId) {
        return http.find(CommerceRequest.of("GET", store, CommerceRequest.path("companyCredits/{}", creditId),
                "company-credits.get").record("credit " + creditId), CommerceAnswers.as(CompanyCredit.class));
    }

    /**
     * {@code PUT /V1/companyCredits/{creditId}} with {@code {"creditLimit":{…}}} (see
     * {@link CompanyCredit#limit}); answers the credit as saved. Sending it twice sets the same values.
     */
    public CompanyCredit update(long creditId, CompanyCredit credit) {
        return http.execute(CommerceRequest.of("PUT", store, CommerceRequest.path("companyCredits/{}", creditId),
                "company-credits.update").record("credit " + creditId + " of company " + credit.companyId())
                .json(Map.of("creditLimit", credit)), CommerceAnswers.as(CompanyCredit.class));
    }
}
