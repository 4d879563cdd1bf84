package io.github.d365bridge.client.d365.entities;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A row of {@code CustomersV3} (keys dataAreaId, CustomerAccount); the ~300 other fields are ignored. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerV3(
        @JsonProperty("@odata.etag") String etag,
        @JsonProperty("dataAreaId") String dataAreaId,
        @JsonProperty("CustomerAccount") String customerAccount,
        @JsonProperty("PartyType") String partyType,
        @JsonProperty("OrganizationName") String organizationName,
        @JsonProperty("PersonFirstName") String personFirstName,
        @JsonProperty("PersonLastName") String personLastName,
        @JsonProperty("PrimaryContactEmail") String primaryContactEmail,
        @JsonProperty("PrimaryContactPhone") String primaryContactPhone,
        @JsonProperty("CustomerGroupId") String customerGroupId,
        @JsonProperty("SalesCurrencyCode") String salesCurrencyCode,
        @JsonProperty("CreditLimit") BigDecimal creditLimit,
        @JsonProperty("SalesTaxGroup") String salesTaxGroup,
        @JsonProperty("TaxExemptNumber") String taxExemptNumber,
        @JsonProperty("OnHoldStatus") String onHoldStatus,
        @JsonProperty("AddressStreet") String addressStreet,
        @JsonProperty("AddressCity") String addressCity,
        @JsonProperty("AddressZipCode") String addressZipCode,
        @JsonProperty("AddressState") String addressState,
        @JsonProperty("AddressCountryRegionId") String addressCountryRegionId,
        @JsonProperty("AddressCountryRegionISOCode") String addressCountryRegionIsoCode,
        @JsonProperty("DeliveryAddressStreet") String deliveryAddressStreet,
        @JsonProperty("DeliveryAddressCity") String deliveryAddressCity,
        @JsonProperty("DeliveryAddressZipCode") String deliveryAddressZipCode,
        @JsonProperty("DeliveryAddressState") String deliveryAddressState,
        @JsonProperty("DeliveryAddressCountryRegionId") String deliveryAddressCountryRegionId,
        @JsonProperty("DeliveryAddressCountryRegionISOCode") String deliveryAddressCountryRegionIsoCode,
        @JsonProperty("DiscountPriceGroupId") String discountPriceGroupId,
        @JsonProperty("LanguageId") String languageId,
        @JsonProperty("PersonMiddleName") String personMiddleName,
        @JsonProperty("PartyNumber") String partyNumber,
        @JsonProperty("ContactPersonId") String contactPersonId) {

    public static final String ENTITY_SET = "CustomersV3";

    /**
     * Longest {@code CustomerAccount}: D365's CustAccount data type is a string of 20. The contract files
     * carry no lengths (they are generated from $metadata without MaxLength), so this is the one place
     * the bridge states it.
     */
    public static final int ACCOUNT_MAX_LENGTH = 20;
}
