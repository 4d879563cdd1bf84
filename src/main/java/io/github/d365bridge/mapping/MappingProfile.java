package io.github.d365bridge.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping profile: every code and account mapping the flows need (Commerce → D365 for orders, D365 →
 * Commerce for customers and the catalog), as data.
 * Built by {@link MappingProfileLoader} (default resource merged with an override file, then
 * validated), immutable and shared. Keys in YAML are the component names below.
 *
 * @param legalEntities  the D365 companies ({@code dataAreaId}, lower case) this bridge may write to
 * @param stores         per Commerce store view code: legal entity, language, currency, warehouse
 * @param customers      which D365 account an order is booked on
 * @param deliveryModes  Commerce shipping method code → D365 delivery mode
 * @param paymentMethods Commerce payment method code → D365 customer payment method
 * @param items          SKU → item number, and the unit
 * @param shipping       how the shipping amount reaches D365
 * @param discounts      how order discounts reach D365
 * @param customerSync   how D365 customers become Commerce customers and B2B companies
 * @param catalogSync    how D365 released products become Commerce products
 * @param inventorySync  how D365 on-hand becomes Commerce stock
 */
public record MappingProfile(List<String> legalEntities, Map<String, StoreMapping> stores,
        CustomerMapping customers, CodeMapping deliveryModes, CodeMapping paymentMethods,
        ItemMapping items, ShippingMapping shipping, DiscountMapping discounts, CustomerSyncMapping customerSync,
        CatalogSyncMapping catalogSync, InventorySyncMapping inventorySync) {

    public MappingProfile {
        legalEntities = Collections2.list(legalEntities);
        stores = Collections2.map(stores);
    }

    public Optional<StoreMapping> store(String storeCode) {
        return Optional.ofNullable(stores.get(storeCode));
    }
}
