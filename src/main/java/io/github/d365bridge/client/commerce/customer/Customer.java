package io.github.d365bridge.client.commerce.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.CustomAttribute;

/**
 * A customer ({@code customer-data-customer-interface}). Null fields are left out of requests, so an
 * update only touches what the mapper set; {@code extension_attributes} (e.g. B2B
 * {@code company_attributes}) stay raw JSON because their content depends on installed modules.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        Long id,
        @JsonProperty("group_id") Integer groupId,
        @JsonProperty("default_billing") String defaultBilling,
        @JsonProperty("default_shipping") String defaultShipping,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        String email,
        String firstname,
        String lastname,
        String middlename,
        String prefix,
        String suffix,
        String dob,
        String taxvat,
        @JsonProperty("website_id") Integer websiteId,
        @JsonProperty("store_id") Integer storeId,
        List<CustomerAddress> addresses,
        @JsonProperty("custom_attributes") List<CustomAttribute> customAttributes,
        @JsonProperty("extension_attributes") JsonNode extensionAttributes) {

    /** A new customer with the required fields; everything else unset. */
    public static Customer of(String email, String firstname, String lastname, int websiteId, int groupId) {
        return new Customer(null, groupId, null, null, null, null, email, firstname, lastname, null, null, null,
                null, null, websiteId, null, null, null, null);
    }

    public Customer withId(Long value) {
        return new Customer(value, groupId, defaultBilling, defaultShipping, createdAt, updatedAt, email, firstname,
                lastname, middlename, prefix, suffix, dob, taxvat, websiteId, storeId, addresses, customAttributes,
                extensionAttributes);
    }

    public Customer withGroupId(Integer value) {
        return new Customer(id, value, defaultBilling, defaultShipping, createdAt, updatedAt, email, firstname,
                lastname, middlename, prefix, suffix, dob, taxvat, websiteId, storeId, addresses, customAttributes,
                extensionAttributes);
    }

    public Customer withAddresses(List<CustomerAddress> value) {
        return new Customer(id, groupId, defaultBilling, defaultShipping, createdAt, updatedAt, email, firstname,
                lastname, middlename, prefix, suffix, dob, taxvat, websiteId, storeId, value, customAttributes,
                extensionAttributes);
    }
}
