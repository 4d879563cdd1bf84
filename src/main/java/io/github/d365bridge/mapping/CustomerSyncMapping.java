package io.github.d365bridge.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How D365 customers ({@code CustomersV3}) become Commerce customers and B2B companies. Values are text like
 * everywhere in the profile (ids included); {@link ProfileValidator} checks them.
 *
 * @param legalEntities per D365 legal entity synced: the websites its customers go to and the group mapping;
 *                      a legal entity not listed is not synced
 * @param groupFrom     which D365 group decides the Commerce customer group
 * @param organisations what a D365 organisation ({@code PartyType} Organization) becomes
 * @param noEmail       what happens to a customer without {@code PrimaryContactEmail}: Commerce needs one
 * @param blocked       what happens to a customer D365 has on hold ({@code OnHoldStatus} other than No/Never)
 * @param blockedGroup  the customer group blocked persons are moved to when {@code blocked} is disable
 * @param taxExempt     how D365's tax exemption ({@code TaxExemptNumber}) reaches Commerce
 * @param taxExemptGroup the customer group of tax-exempt customers when {@code taxExempt} is group
 * @param removed       what happens in Commerce to a customer gone from D365
 * @param addressWithoutPhone what happens to a customer's addresses when D365 has no phone for it (Commerce
 *                      requires a telephone on every customer address)
 * @param defaultRegions country (ISO alpha-2) → the Commerce region code used for an address D365 has no state
 *                      for: German addresses in D365 rarely carry one, and stores that require a region for DE
 *                      refuse them otherwise. Empty by default: nothing is invented unless the operator says so
 */
public record CustomerSyncMapping(Map<String, LegalEntitySync> legalEntities, GroupFrom groupFrom,
        Organisations organisations, NoEmail noEmail, Blocked blocked, String blockedGroup, TaxExempt taxExempt,
        String taxExemptGroup, Removed removed, AddressWithoutPhone addressWithoutPhone,
        Map<String, String> defaultRegions) {

    public CustomerSyncMapping {
        legalEntities = Collections2.map(legalEntities);
        defaultRegions = Collections2.map(defaultRegions);
    }

    public Optional<LegalEntitySync> legalEntity(String dataAreaId) {
        return Optional.ofNullable(legalEntities.get(dataAreaId));
    }

    /**
     * One legal entity's targets.
     *
     * @param websites     the Commerce websites its customers are written to (each a scope of the sync)
     * @param groups       D365 {@code CustomerGroupId} → Commerce customer group id
     * @param priceGroups  D365 price group ({@code DiscountPriceGroupId}) → Commerce customer group id
     * @param defaultGroup the Commerce customer group of a customer whose groups map to nothing
     */
    public record LegalEntitySync(List<WebsiteTarget> websites, Map<String, String> groups,
            Map<String, String> priceGroups, String defaultGroup) {

        public LegalEntitySync {
            websites = Collections2.list(websites);
            groups = Collections2.map(groups);
            priceGroups = Collections2.map(priceGroups);
        }
    }

    /**
     * One Commerce website customers are written to.
     *
     * @param code      the website code, the sync's scope name (e.g. {@code base})
     * @param websiteId the website id
     * @param storeId   the store a customer is created in unless its language has its own
     * @param stores    D365 {@code LanguageId} → store id, so a customer is created in its language's store
     */
    public record WebsiteTarget(String code, String websiteId, String storeId, Map<String, String> stores) {

        public WebsiteTarget {
            stores = Collections2.map(stores);
        }
    }

    public enum GroupFrom {
        /** {@code CustomerGroupId} through {@code groups}. */
        @JsonProperty("customer-group") CUSTOMER_GROUP,
        /** {@code DiscountPriceGroupId} through {@code priceGroups} where set, else the customer group. */
        @JsonProperty("price-group-first") PRICE_GROUP_FIRST
    }

    public enum Organisations {
        /** B2B companies, with a super user made or adopted first (needs Adobe Commerce B2B). */
        @JsonProperty("companies") COMPANIES,
        /** Plain customers named after the organisation. */
        @JsonProperty("customers") CUSTOMERS
    }

    public enum NoEmail {
        /** Not written, reported with the reason (never an invented address). */
        @JsonProperty("skip") SKIP,
        /** The e-mail of the organisation's contact person in D365 ({@code ContactPersons}), skipped if none. */
        @JsonProperty("contact-person") CONTACT_PERSON
    }

    public enum Blocked {
        /** Not written (one already in Commerce is left as it is), reported. */
        @JsonProperty("skip") SKIP,
        /** Written, but a company is set to blocked and a person moved to {@code blockedGroup}. */
        @JsonProperty("disable") DISABLE
    }

    public enum TaxExempt {
        /** {@code TaxExemptNumber} into the customer's {@code taxvat} (a company's {@code vat_tax_id}). */
        @JsonProperty("taxvat") TAXVAT,
        /** Customers with a tax-exempt number go to {@code taxExemptGroup}, and keep the number in taxvat. */
        @JsonProperty("group") GROUP,
        /** Not sent. */
        @JsonProperty("none") NONE
    }

    public enum AddressWithoutPhone {
        /** The customer is written without addresses. */
        @JsonProperty("omit") OMIT,
        /** The customer fails with the reason, until D365 has a phone for it. */
        @JsonProperty("fail") FAIL
    }

    public enum Removed {
        /** Left in Commerce as it is; reported once per run that finds it gone. */
        @JsonProperty("keep") KEEP,
        /** A company is set to blocked, a person moved to {@code blockedGroup}. */
        @JsonProperty("block") BLOCK
    }
}
