package io.github.d365bridge.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a bound profile must pass before the bridge starts. Each problem starts with the dotted
 * key to fix, e.g. {@code stores.eu_en.legalEntity: 'xx' is not one of the legal entities [usmf, demf]}.
 * Codes are checked for being present and free of surrounding blanks where D365 would not accept
 * them; item numbers are exempt from the blank check (D365 keeps leading spaces in item numbers).
 */
final class ProfileValidator {

    private static final Pattern LEGAL_ENTITY = Pattern.compile("[a-z0-9]{1,4}");
    private static final Pattern STORE_CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    private ProfileValidator() {
    }

    static List<String> validate(MappingProfile profile) {
        List<String> problems = new ArrayList<>();
        Set<String> entities = legalEntities(profile, problems);
        stores(profile, entities, problems);
        customers(profile, entities, problems);
        codes("deliveryModes", profile.deliveryModes(), problems);
        codes("paymentMethods", profile.paymentMethods(), problems);
        items(profile.items(), problems);
        customerSync(profile.customerSync(), entities, problems);
        catalogSync(profile, entities, problems);
        inventorySync(profile, entities, problems);
        if (required("shipping", profile.shipping(), problems)) {
            required("shipping.mode", profile.shipping().mode(), problems);
            if (profile.shipping().mode() == ShippingMapping.Mode.CHARGE_LINE) {
                itemNumber("shipping.itemNumber", profile.shipping().itemNumber(), "shipping.mode is charge-line", problems);
            }
        }
        if (required("discounts", profile.discounts(), problems)) {
            required("discounts.orderLevel", profile.discounts().orderLevel(), problems);
            if (profile.discounts().orderLevel() == DiscountMapping.OrderLevel.DISCOUNT_LINE) {
                itemNumber("discounts.itemNumber", profile.discounts().itemNumber(),
                        "discounts.orderLevel is discount-line", problems);
            }
        }
        return problems;
    }

    private static Set<String> legalEntities(MappingProfile profile, List<String> problems) {
        Set<String> entities = new LinkedHashSet<>();
        if (profile.legalEntities().isEmpty()) {
            problems.add("legalEntities: must list at least one D365 legal entity (dataAreaId, e.g. usmf)");
        }
        for (int i = 0; i < profile.legalEntities().size(); i++) {
            String entity = profile.legalEntities().get(i);
            if (!LEGAL_ENTITY.matcher(entity).matches()) {
                problems.add("legalEntities[" + i + "]: '" + entity + "' is not a dataAreaId (1-4 lower-case letters or digits)");
            } else if (!entities.add(entity)) {
                problems.add("legalEntities[" + i + "]: '" + entity + "' is listed twice");
            }
        }
        return entities;
    }

    private static void stores(MappingProfile profile, Set<String> entities, List<String> problems) {
        if (profile.stores().isEmpty()) {
            problems.add("stores: must map at least one Commerce store view code");
        }
        for (Map.Entry<String, StoreMapping> entry : profile.stores().entrySet()) {
            String key = "stores." + entry.getKey();
            StoreMapping store = entry.getValue();
            if (!STORE_CODE.matcher(entry.getKey()).matches()) {
                problems.add(key + ": '" + entry.getKey() + "' is not a Commerce store code (lower-case letters, digits,"
                        + " underscore, starting with a letter)");
            }
            if (required(key + ".legalEntity", store.legalEntity(), problems) && !entities.contains(store.legalEntity())) {
                problems.add(key + ".legalEntity: '" + store.legalEntity() + "' is not one of the legal entities " + entities);
            }
            if (required(key + ".languageId", store.languageId(), problems)
                    && !LANGUAGE.matcher(store.languageId()).matches()) {
                problems.add(key + ".languageId: '" + store.languageId() + "' is not a D365 language id (e.g. en-us, de)");
            }
            if (required(key + ".currency", store.currency(), problems) && !CURRENCY.matcher(store.currency()).matches()) {
                problems.add(key + ".currency: '" + store.currency() + "' is not an ISO currency code (e.g. USD)");
            }
            code(key + ".warehouse", store.warehouse(), problems);
            code(key + ".site", store.site(), problems);
        }
    }

    private static void customers(MappingProfile profile, Set<String> entities, List<String> problems) {
        CustomerMapping customers = profile.customers();
        if (!required("customers", customers, problems)) {
            return;
        }
        required("customers.unresolvedCustomer", customers.unresolvedCustomer(), problems);
        required("customers.companyOrders", customers.companyOrders(), problems);
        required("customers.lookupByEmail", customers.lookupByEmail(), problems);
        customers.guestAccounts().forEach((entity, account) -> {
            if (!entities.contains(entity)) {
                problems.add("customers.guestAccounts." + entity + ": '" + entity + "' is not one of the legal entities "
                        + entities);
            }
            code("customers.guestAccounts." + entity, account, problems);
            if (account.isEmpty()) {
                problems.add("customers.guestAccounts." + entity + ": must not be empty");
            }
        });
        profile.stores().forEach((code, store) -> {
            if (store.legalEntity() != null && entities.contains(store.legalEntity())
                    && !customers.guestAccounts().containsKey(store.legalEntity())) {
                problems.add("customers.guestAccounts." + store.legalEntity() + ": is required, store " + code
                        + " writes guest orders to legal entity " + store.legalEntity());
            }
        });
    }

    private static void codes(String key, CodeMapping mapping, List<String> problems) {
        if (!required(key, mapping, problems)) {
            return;
        }
        code(key + ".default", mapping.defaultCode(), problems);
        mapping.codes().forEach((commerce, d365) -> {
            code(key + ".codes." + commerce, d365, problems);
            if (d365.isEmpty()) {
                problems.add(key + ".codes." + commerce + ": must not be empty (leave the code out to use the default)");
            }
        });
    }

    private static void items(ItemMapping items, List<String> problems) {
        if (!required("items", items, problems)) {
            return;
        }
        required("items.mode", items.mode(), problems);
        if (required("items.unitSymbol", items.unitSymbol(), problems)) {
            code("items.unitSymbol", items.unitSymbol(), problems);
        }
        items.table().forEach((sku, item) -> itemNumber("items.table." + sku, item, "it is listed", problems));
        for (int i = 0; i < items.prefixRules().size(); i++) {
            ItemMapping.PrefixRule rule = items.prefixRules().get(i);
            if (rule.commercePrefix() == null || rule.commercePrefix().isEmpty()) {
                problems.add("items.prefixRules[" + i + "].commercePrefix: is required and must not be empty");
            }
        }
        if (items.mode() == ItemMapping.Mode.TABLE && !items.prefixRules().isEmpty()) {
            problems.add("items.prefixRules: apply only in identity mode; items.mode is table (map every SKU in"
                    + " items.table or switch to identity)");
        }
    }

    private static void itemNumber(String key, String value, String why, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(key + ": is required because " + why);
        }
    }

    /** A D365 code: no surrounding blanks, no line breaks (the CSV would carry them into the key). */
    private static void code(String key, String value, List<String> problems) {
        if (value != null && (!value.equals(value.strip()) || value.contains("\n") || value.contains("\r"))) {
            problems.add(key + ": '" + value + "' has surrounding blanks or a line break");
        }
    }

    private static boolean required(String key, Object value, List<String> problems) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problems.add(key + ": is required");
            return false;
        }
        return true;
    }

    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern SCOPE_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static void customerSync(CustomerSyncMapping sync, Set<String> entities, List<String> problems) {
        if (!required("customerSync", sync, problems)) {
            return;
        }
        required("customerSync.groupFrom", sync.groupFrom(), problems);
        required("customerSync.organisations", sync.organisations(), problems);
        required("customerSync.noEmail", sync.noEmail(), problems);
        required("customerSync.blocked", sync.blocked(), problems);
        required("customerSync.taxExempt", sync.taxExempt(), problems);
        required("customerSync.removed", sync.removed(), problems);
        required("customerSync.addressWithoutPhone", sync.addressWithoutPhone(), problems);
        sync.defaultRegions().forEach((country, region) -> {
            if (country == null || !country.matches("[A-Z]{2}")) {
                problems.add("customerSync.defaultRegions: '" + country + "' is no ISO 3166 alpha-2 country code (e.g. DE)");
            } else if (region == null || region.isBlank()) {
                problems.add("customerSync.defaultRegions." + country + ": empty region code");
            }
        });
        boolean groupNeeded = sync.blocked() == CustomerSyncMapping.Blocked.DISABLE
                || sync.removed() == CustomerSyncMapping.Removed.BLOCK;
        if (groupNeeded || !blank(sync.blockedGroup())) {
            number("customerSync.blockedGroup", sync.blockedGroup(), "blocked is disable or removed is block", problems);
        }
        if (sync.taxExempt() == CustomerSyncMapping.TaxExempt.GROUP || !blank(sync.taxExemptGroup())) {
            number("customerSync.taxExemptGroup", sync.taxExemptGroup(), "taxExempt is group", problems);
        }
        sync.legalEntities().forEach((entity, target) -> {
            String at = "customerSync.legalEntities." + entity;
            if (!entities.contains(entity)) {
                problems.add(at + ": '" + entity + "' is not one of the legal entities " + entities);
            }
            if (target == null || target.websites().isEmpty()) {
                problems.add(at + ".websites: must list at least one Commerce website");
                return;
            }
            Set<String> codes = new LinkedHashSet<>();
            for (int i = 0; i < target.websites().size(); i++) {
                CustomerSyncMapping.WebsiteTarget website = target.websites().get(i);
                String w = at + ".websites[" + i + "]";
                if (website.code() == null || !SCOPE_CODE.matcher(website.code()).matches()) {
                    problems.add(w + ".code: '" + website.code() + "' is not a website code (lower-case letters, digits, _)");
                } else if (!codes.add(website.code())) {
                    problems.add(w + ".code: '" + website.code() + "' is listed twice");
                }
                number(w + ".websiteId", website.websiteId(), "every website", problems);
                number(w + ".storeId", website.storeId(), "every website", problems);
                website.stores().forEach((language, store) -> number(w + ".stores." + language, store, "a language", problems));
            }
            target.groups().forEach((group, id) -> number(at + ".groups." + group, id, "a mapped group", problems));
            target.priceGroups().forEach((group, id) -> number(at + ".priceGroups." + group, id, "a mapped group", problems));
            number(at + ".defaultGroup", target.defaultGroup(), "every legal entity", problems);
        });
    }

    private static void inventorySync(MappingProfile profile, Set<String> entities, List<String> problems) {
        InventorySyncMapping sync = profile.inventorySync();
        if (!required("inventorySync", sync, problems)) {
            return;
        }
        for (String entity : sync.legalEntities()) {
            if (!entities.contains(entity)) {
                problems.add("inventorySync.legalEntities: '" + entity + "' is not one of the legal entities " + entities);
            }
        }
        Map<String, String> warehouseOfSource = new java.util.HashMap<>();
        Map<String, Integer> perEntity = new java.util.HashMap<>();
        sync.sources().forEach((warehouse, source) -> {
            String at = "inventorySync.sources." + warehouse;
            String[] parts = warehouse.split("/", -1);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                problems.add(at + ": name a warehouse as <legal entity>/<site>/<warehouse>, e.g. usmf/1/11");
                return;
            }
            if (!sync.legalEntities().contains(parts[0])) {
                problems.add(at + ": legal entity '" + parts[0] + "' is not in inventorySync.legalEntities");
            }
            if (blank(source)) {
                problems.add(at + ": empty Commerce source code");
                return;
            }
            String other = warehouseOfSource.putIfAbsent(source, warehouse);
            if (other != null) {
                problems.add(at + ": source '" + source + "' is already the source of " + other + " (one warehouse per"
                        + " source: its quantity is one D365 row)");
            }
            perEntity.merge(parts[0], 1, Integer::sum);
        });
        if (sync.target() == InventorySyncMapping.Target.STOCK_ITEMS) {
            perEntity.forEach((entity, count) -> {
                if (count > 1) {
                    problems.add("inventorySync.sources: target stockItems takes one warehouse per legal entity, " + entity
                            + " has " + count);
                }
            });
        }
        sync.safetyStock().forEach((source, quantity) -> {
            if (quantity == null || quantity.signum() < 0) {
                problems.add("inventorySync.safetyStock." + source + ": must be 0 or more");
            } else if (!warehouseOfSource.containsKey(source)) {
                problems.add("inventorySync.safetyStock." + source + ": not a source of inventorySync.sources");
            }
        });
        if (!sync.legalEntities().isEmpty() && sync.sources().isEmpty()) {
            problems.add("inventorySync.sources: must map at least one warehouse when legal entities are listed");
        }
    }

    private static void catalogSync(MappingProfile profile, Set<String> entities, List<String> problems) {
        CatalogSyncMapping sync = profile.catalogSync();
        if (!required("catalogSync", sync, problems)) {
            return;
        }
        required("catalogSync.services", sync.services(), problems);
        required("catalogSync.removed", sync.removed(), problems);
        if (blank(sync.language())) {
            problems.add("catalogSync.language: is required (the D365 language of ProductsV2 names, e.g. en-us)");
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String entity : sync.legalEntities()) {
            if (!entities.contains(entity)) {
                problems.add("catalogSync.legalEntities: '" + entity + "' is not one of the legal entities " + entities);
            } else if (!listed.add(entity)) {
                problems.add("catalogSync.legalEntities: '" + entity + "' is listed twice");
            }
        }
        sync.storeViews().forEach((store, websiteId) -> {
            String at = "catalogSync.storeViews." + store;
            number(at, websiteId, "a store view is listed (its website id)", problems);
            StoreMapping mapping = profile.stores().get(store);
            if (mapping == null) {
                problems.add(at + ": '" + store + "' is not in stores (its legal entity and language come from there)");
            } else if (entities.contains(mapping.legalEntity()) && !sync.legalEntities().contains(mapping.legalEntity())) {
                problems.add(at + ": its legal entity '" + mapping.legalEntity() + "' is not in catalogSync.legalEntities");
            }
        });
        if (!sync.legalEntities().isEmpty() && sync.storeViews().isEmpty()) {
            problems.add("catalogSync.storeViews: must list at least one store view when legal entities are listed");
        }
        number("catalogSync.attributeSetId", sync.attributeSetId(), "the catalog is synced", problems);
        if (sync.visibility() == null || !sync.visibility().matches("[1-4]")) {
            problems.add("catalogSync.visibility: '" + sync.visibility() + "' must be 1, 2, 3 or 4");
        }
        sync.taxClasses().forEach((group, id) -> number("catalogSync.taxClasses." + group, id, "a group is mapped", problems));
        number("catalogSync.defaultTaxClass", sync.defaultTaxClass(), "the catalog is synced (0: none)", problems);
        sync.priceGroups().forEach((group, name) -> {
            if (name == null || name.isBlank()) {
                problems.add("catalogSync.priceGroups." + group + ": empty Commerce customer group name");
            }
        });
        sync.variantAttributes().forEach((dimension, attribute) -> {
            if (!CatalogSyncMapping.DIMENSIONS.contains(dimension)) {
                problems.add("catalogSync.variantAttributes." + dimension + ": not a D365 product dimension "
                        + CatalogSyncMapping.DIMENSIONS);
            } else if (blank(attribute)) {
                problems.add("catalogSync.variantAttributes." + dimension + ": empty Commerce attribute code");
            }
        });
        if (sync.variantVisibility() == null || !sync.variantVisibility().matches("[1-4]")) {
            problems.add("catalogSync.variantVisibility: '" + sync.variantVisibility() + "' must be 1, 2, 3 or 4");
        }
        if (sync.priceScope() == CatalogSyncMapping.PriceScope.WEBSITE) {
            new java.util.TreeSet<>(sync.storeViews().values()).forEach(website -> {
                if (!sync.websiteStoreIds().containsKey(website)) {
                    problems.add("catalogSync.websiteStoreIds: website " + website + " (of catalogSync.storeViews) needs a"
                            + " store view id for its base prices (priceScope is website)");
                }
            });
            sync.websiteStoreIds().forEach((website, store) -> number("catalogSync.websiteStoreIds." + website, store,
                    "priceScope is website", problems));
        }
        CatalogSyncMapping.Relations relations = sync.relations();
        if (relations.enabled()) {
            for (var field : java.util.Map.of("productField", String.valueOf(relations.productField()), "relatedField",
                    String.valueOf(relations.relatedField()), "typeField", String.valueOf(relations.typeField())).entrySet()) {
                if (blank(field.getValue()) || field.getValue().equals("null")) {
                    problems.add("catalogSync.relations." + field.getKey() + ": is required when relations.entity is set");
                }
            }
            relations.types().forEach((type, link) -> {
                if (!CatalogSyncMapping.Relations.LINK_TYPES.contains(link)) {
                    problems.add("catalogSync.relations.types." + type + ": '" + link + "' must be one of "
                            + CatalogSyncMapping.Relations.LINK_TYPES);
                }
            });
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void number(String key, String value, String when, List<String> problems) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            problems.add(key + ": '" + (value == null ? "" : value) + "' must be a Commerce id (digits) when " + when);
        }
    }
}
