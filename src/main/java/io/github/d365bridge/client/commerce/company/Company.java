package io.github.d365bridge.client.commerce.company;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A B2B company ({@code company-data-company-interface}). Status: 0 pending, 1 approved, 2 rejected,
 * 3 blocked. {@code super_user_id} must name an existing customer, so customers are written first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Company(
        Long id,
        Integer status,
        @JsonProperty("company_name") String companyName,
        @JsonProperty("legal_name") String legalName,
        @JsonProperty("company_email") String companyEmail,
        @JsonProperty("vat_tax_id") String vatTaxId,
        @JsonProperty("reseller_id") String resellerId,
        String comment,
        List<String> street,
        String city,
        @JsonProperty("country_id") String countryId,
        String region,
        @JsonProperty("region_id") String regionId,
        String postcode,
        String telephone,
        @JsonProperty("customer_group_id") Integer customerGroupId,
        @JsonProperty("sales_representative_id") Integer salesRepresentativeId,
        @JsonProperty("super_user_id") Long superUserId,
        @JsonProperty("extension_attributes") JsonNode extensionAttributes) {

    public static final int STATUS_APPROVED = 1;
    /** Members of a blocked company cannot sign in or order. */
    public static final int STATUS_BLOCKED = 3;

    public Company withStatus(Integer value) {
        return new Company(id, value, companyName, legalName, companyEmail, vatTaxId, resellerId, comment, street,
                city, countryId, region, regionId, postcode, telephone, customerGroupId, salesRepresentativeId,
                superUserId, extensionAttributes);
    }

    public Company withId(Long value) {
        return new Company(value, status, companyName, legalName, companyEmail, vatTaxId, resellerId, comment, street,
                city, countryId, region, regionId, postcode, telephone, customerGroupId, salesRepresentativeId,
                superUserId, extensionAttributes);
    }
}
