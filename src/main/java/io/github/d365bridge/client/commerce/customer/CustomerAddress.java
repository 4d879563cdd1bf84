package io.github.d365bridge.client.commerce.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A customer address ({@code customer-data-address-interface}); also used for company-less B2C customers. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerAddress(
        Integer id,
        @JsonProperty("customer_id") Integer customerId,
        Region region,
        @JsonProperty("region_id") Integer regionId,
        @JsonProperty("country_id") String countryId,
        List<String> street,
        String company,
        String telephone,
        String postcode,
        String city,
        String firstname,
        String lastname,
        @JsonProperty("vat_id") String vatId,
        @JsonProperty("default_billing") Boolean defaultBilling,
        @JsonProperty("default_shipping") Boolean defaultShipping) {

    /** {@code customer-data-region-interface}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Region(@JsonProperty("region_code") String regionCode, String region,
            @JsonProperty("region_id") Integer regionId) {
    }
}
