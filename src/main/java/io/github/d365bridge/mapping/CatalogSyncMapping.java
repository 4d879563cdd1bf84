package io.github.d365bridge.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How D365 released products become Commerce products (the catalog sync). SKUs follow {@code items} (the
 * order flow reads them back through the same section), store views' legal entity and language follow
 * {@code stores}.
 *
 * @param legalEntities          the legal entities whose released products are published, in priority order:
 *                               an item's global values (price, weight, tax class, status) come from the
 *                               first one that releases it
 * @param language               the D365 language of {@code ProductsV2} names, written as the global values;
 *                               a store view of another language gets the item's {@code ProductTranslations}
 *                               in its language where D365 has one
 * @param storeViews             Commerce store view code → its website id: the store views the catalog
 *                               writes (status and translations per store view); each must be in
 *                               {@code stores}, whose legal entity decides which items it shows
 * @param attributeSetId         attribute set of created products
 * @param visibility             Commerce visibility (1 not visible … 4 catalog and search)
 * @param taxClasses             D365 item sales tax group ({@code SalesSalesTaxItemGroupCode}) → Commerce
 *                               {@code tax_class_id}
 * @param defaultTaxClass        tax class of an item whose group maps to nothing
 * @param disabledLifecycleStates D365 {@code ProductLifecycleStateId} values that disable the product
 * @param services               what a D365 service item ({@code ProductType} Service) becomes
 * @param removed                what happens in Commerce to a product gone from D365
 * @param priceGroups            D365 price group ({@code PriceCustomerGroupCode} of a trade agreement, the
 *                               customers' {@code DiscountPriceGroupId}) → Commerce customer group name; an
 *                               agreement for all customers goes to {@code ALL GROUPS}
 * @param variantAttributes      D365 product dimension ({@code color}, {@code size}, {@code style},
 *                               {@code configuration}, {@code version}) → the Commerce select attribute a
 *                               product master's configurable product offers it as; a master that uses an
 *                               unmapped dimension fails with the reason
 * @param variantVisibility      Commerce visibility of a variant's simple product (1: only through its
 *                               configurable product)
 * @param relations              D365 product relations → Commerce product links (off when no entity is named)
 * @param priceScope             {@code global}: a product's price is the priority legal entity's; {@code website}:
 *                               also each website's own base price, from its legal entity (Commerce's catalog
 *                               price scope must then be "website")
 * @param websiteStoreIds        website id → the id of a store view of it, for {@code priceScope: website}:
 *                               Commerce's base prices are addressed by store view and apply to its website
 */
public record CatalogSyncMapping(List<String> legalEntities, String language, Map<String, String> storeViews,
        String attributeSetId, String visibility, Map<String, String> taxClasses, String defaultTaxClass,
        List<String> disabledLifecycleStates, Services services, Removed removed, Map<String, String> priceGroups,
        Map<String, String> variantAttributes, String variantVisibility, Relations relations, PriceScope priceScope,
        Map<String, String> websiteStoreIds) {

    /** The dimensions {@code variantAttributes} may name, in the SKU rule's order. */
    public static final List<String> DIMENSIONS = List.of("color", "size", "style", "configuration", "version");

    /**
     * Where D365 keeps product relations: no standard public entity is confirmed and tenants differ, so the entity
     * set and its three fields are named here. Relations are between shared products ({@code ProductsV2}).
     *
     * @param entity       the entity set (empty: relations are not synced)
     * @param productField the field with the product the relation starts at
     * @param relatedField the field with the related product
     * @param typeField    the field with the relation type
     * @param types        D365 relation type → Commerce link type ({@code related}, {@code upsell},
     *                     {@code crosssell}); a relation of an unlisted type is left out and reported
     */
    public record Relations(String entity, String productField, String relatedField, String typeField,
            Map<String, String> types) {

        public static final List<String> LINK_TYPES = List.of("related", "upsell", "crosssell");

        public Relations {
            entity = entity == null ? "" : entity;
            types = Collections2.map(types);
        }

        public boolean enabled() {
            return !entity.isBlank();
        }
    }

    public enum PriceScope {
        @JsonProperty("global") GLOBAL,
        @JsonProperty("website") WEBSITE
    }

    public CatalogSyncMapping {
        variantAttributes = Collections2.map(variantAttributes);
        relations = relations == null ? new Relations("", "", "", "", Map.of()) : relations;
        priceScope = priceScope == null ? PriceScope.GLOBAL : priceScope;
        websiteStoreIds = Collections2.map(websiteStoreIds);
        legalEntities = Collections2.list(legalEntities);
        storeViews = Collections2.map(storeViews);
        taxClasses = Collections2.map(taxClasses);
        disabledLifecycleStates = Collections2.list(disabledLifecycleStates);
        priceGroups = Collections2.map(priceGroups);
    }

    public enum Services {
        /** A virtual product (no weight, no shipping). */
        @JsonProperty("virtual") VIRTUAL,
        /** Not published, reported as skipped. */
        @JsonProperty("skip") SKIP
    }

    public enum Removed {
        /** Disabled globally and in every store view it was written to; never deleted (orders refer to it). */
        @JsonProperty("disable") DISABLE,
        /** Left as it is; reported. */
        @JsonProperty("keep") KEEP
    }
}
