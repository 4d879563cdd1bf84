package io.github.d365bridge.client.commerce.sales;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An order address ({@code sales-data-order-address-interface}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderAddress(
        @JsonProperty("entity_id") Long entityId,
        @JsonProperty("address_type") String addressType,
        String firstname,
        String lastname,
        String company,
        List<String> street,
        String city,
        String region,
        @JsonProperty("region_code") String regionCode,
        @JsonProperty("region_id") Integer regionId,
        String postcode,
        @JsonProperty("country_id") String countryId,
        String telephone,
        String email,
        @JsonProperty("vat_id") String vatId) {
}
