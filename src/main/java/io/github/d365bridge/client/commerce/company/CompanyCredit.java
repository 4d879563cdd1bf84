package io.github.d365bridge.client.commerce.company;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A B2B company's credit ({@code company-credit-data-credit-limit-interface}). Commerce creates one
 * with every company, without a limit ({@code credit_limit} absent). {@code balance} goes negative as
 * the company buys on credit; {@code available_limit} is the limit plus the balance. Both are Commerce's
 * to compute and are not sent on update.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanyCredit(
        Long id,
        @JsonProperty("company_id") Long companyId,
        @JsonProperty("credit_limit") BigDecimal creditLimit,
        BigDecimal balance,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("exceed_limit") Boolean exceedLimit,
        @JsonProperty("available_limit") BigDecimal availableLimit,
        @JsonProperty("credit_comment") String creditComment) {

    /**
     * The body of {@code PUT /V1/companyCredits/{id}}: Commerce's validator wants the company and the
     * currency again, and the contract requires {@code exceed_limit}; the comment lands in the credit
     * history.
     */
    public static CompanyCredit limit(long companyId, BigDecimal creditLimit, String currencyCode, boolean exceedLimit,
            String comment) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        if (creditLimit != null && creditLimit.signum() < 0) {
            throw new IllegalArgumentException("A credit limit cannot be negative: " + creditLimit);
        }
        return new CompanyCredit(null, companyId, creditLimit, null, currencyCode, exceedLimit, null, comment);
    }
}
