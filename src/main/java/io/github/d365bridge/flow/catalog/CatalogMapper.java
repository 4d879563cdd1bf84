package io.github.d365bridge.flow.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.d365.entities.ProductTranslation;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.CatalogSyncMapping;
import io.github.d365bridge.mapping.ItemMapping;
import io.github.d365bridge.mapping.StoreMapping;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncRecord;

/**
 * One D365 item → what the catalog writes, as three kinds of records:
 * <ul>
 *   <li>{@code product} in scope {@value #GLOBAL}: the attributes the bridge owns, global values (name in the
 *       catalog language, price, weight, tax class, status of the priority legal entity). Nothing else is
 *       sent, so categories, images and merchandising set in Commerce survive.</li>
 *   <li>{@code websites} in scope {@value #WEBSITES}: the websites of the store views whose legal entity
 *       releases the item.</li>
 *   <li>{@code store} in scope {@code store:<code>}, per store view whose legal entity releases the item: its
 *       status (that legal entity's sell dates and lifecycle) and, where the store view's language differs
 *       from the catalog's and D365 has a translation, name and description.</li>
 * </ul>
 * The {@code url_key} is not part of any payload: the writer sets it once and keeps it (see {@link UrlKeys}).
 * Depends on today's date (sell start and end), so a record's hash moves on the day its status does.
 */
final class CatalogMapper implements SyncMapper<CatalogItem> {

    static final String GLOBAL = "all";
    static final String WEBSITES = "websites";
    static final String STORE_PREFIX = "store:";
    static final String PRODUCT = "product";
    static final String WEBSITE_LIST = "websites";
    static final String STORE = "store";

    private final CatalogSyncMapping sync;
    private final Map<String, StoreMapping> stores;
    private final ItemMapping.SkuNames skus;
    private final Clock clock;

    CatalogMapper(CatalogSyncMapping sync, Map<String, StoreMapping> stores, ItemMapping items, Clock clock) {
        this.sync = sync;
        this.stores = stores;
        this.skus = items.skuNames();
        this.clock = clock;
    }

    @Override
    public List<SyncRecord> map(String legalEntity, CatalogItem item) {
        String key = item.itemNumber();
        ReleasedProductV2 primary = item.primary();
        boolean service = "Service".equalsIgnoreCase(primary.productType());
        if (service && sync.services() == CatalogSyncMapping.Services.SKIP) {
            return List.of(SyncRecord.skipped(key, GLOBAL, PRODUCT, "service item (catalogSync.services is skip)"));
        }
        Optional<String> sku = skus.sku(key);
        if (sku.isEmpty()) {
            return List.of(SyncRecord.skipped(key, GLOBAL, PRODUCT, "no SKU: " + skus.whyNoSku(key)));
        }
        LocalDate today = LocalDate.now(clock);
        List<SyncRecord> records = new ArrayList<>();
        records.add(SyncRecord.write(key, GLOBAL, PRODUCT, product(sku.get(), item, service, today)));
        ObjectNode websites = Json.mapper().createObjectNode().put("sku", sku.get());
        ArrayNode ids = websites.putArray("website_ids");
        new TreeSet<>(storeViews(item).stream().map(sync.storeViews()::get).map(Integer::valueOf).toList())
                .forEach(ids::add);
        records.add(SyncRecord.write(key, WEBSITES, WEBSITE_LIST, websites));
        for (String store : storeViews(item)) {
            records.add(SyncRecord.write(key, STORE_PREFIX + store, STORE, storeValues(sku.get(), item, store, today)));
        }
        return records;
    }

    /** The store views the catalog writes whose legal entity releases the item, in the profile's order. */
    private List<String> storeViews(CatalogItem item) {
        return sync.storeViews().keySet().stream().filter(store -> item.releasedIn()
                .containsKey(stores.get(store).legalEntity().toLowerCase(Locale.ROOT))).toList();
    }

    private ObjectNode product(String sku, CatalogItem item, boolean service, LocalDate today) {
        ReleasedProductV2 primary = item.primary();
        ObjectNode product = Json.mapper().createObjectNode().put("sku", sku).put("name", name(item))
                .put("type_id", service ? "virtual" : "simple").put("attribute_set_id", Integer.parseInt(sync.attributeSetId()))
                .put("visibility", Integer.parseInt(sync.visibility())).put("status", status(primary, today));
        product.put("price", unitPrice(primary));
        if (!service && primary.netProductWeight() != null) {
            product.put("weight", primary.netProductWeight().stripTrailingZeros());
        }
        ArrayNode attributes = product.putArray("custom_attributes");
        item.product().map(p -> p.productDescription()).filter(d -> d != null && !d.isBlank())
                .ifPresent(d -> attributes.addObject().put("attribute_code", "description").put("value", d));
        String taxClass = primary.salesTaxItemGroupCode() == null ? null : sync.taxClasses().get(primary.salesTaxItemGroupCode());
        attributes.addObject().put("attribute_code", "tax_class_id").put("value", taxClass != null ? taxClass : sync.defaultTaxClass());
        return product;
    }

    private ObjectNode storeValues(String sku, CatalogItem item, String store, LocalDate today) {
        StoreMapping mapping = stores.get(store);
        ReleasedProductV2 released = item.releasedIn().get(mapping.legalEntity().toLowerCase(Locale.ROOT));
        ObjectNode values = Json.mapper().createObjectNode().put("sku", sku).put("status", status(released, today));
        String language = mapping.languageId() == null ? sync.language() : mapping.languageId();
        if (!language.equalsIgnoreCase(sync.language())) {
            ProductTranslation translation = item.translations().get(language.toLowerCase(Locale.ROOT));
            if (translation != null && translation.productName() != null && !translation.productName().isBlank()) {
                values.put("name", translation.productName());
                if (translation.description() != null && !translation.description().isBlank()) {
                    values.putArray("custom_attributes").addObject().put("attribute_code", "description")
                            .put("value", translation.description());
                }
            }
        }
        return values;
    }

    /** The product's name: {@code ProductsV2.ProductName}, or the search name where D365 has none. */
    private static String name(CatalogItem item) {
        return item.product().map(p -> p.productName()).filter(n -> n != null && !n.isBlank())
                .orElseGet(() -> firstNonBlank(item.primary().productSearchName(), item.primary().searchName(),
                        item.itemNumber().strip()));
    }

    /** 1 enabled, 2 disabled: a disabled lifecycle state, or today outside the sell start/end dates. */
    private int status(ReleasedProductV2 released, LocalDate today) {
        String state = released.productLifecycleStateId();
        if (state != null && sync.disabledLifecycleStates().stream().anyMatch(state::equalsIgnoreCase)) {
            return 2;
        }
        Optional<LocalDate> start = ReleasedProductV2.date(released.sellStartDate());
        Optional<LocalDate> end = ReleasedProductV2.date(released.sellEndDate());
        boolean selling = start.map(s -> !today.isBefore(s)).orElse(true) && end.map(e -> !today.isAfter(e)).orElse(true);
        return selling ? 1 : 2;
    }

    /** The price of one unit: D365's sales price is per {@code SalesPriceQuantity} units. */
    static BigDecimal unitPrice(ReleasedProductV2 released) {
        BigDecimal price = released.salesPrice() == null ? BigDecimal.ZERO : released.salesPrice();
        BigDecimal per = released.salesPriceQuantity();
        if (per != null && per.signum() > 0 && per.compareTo(BigDecimal.ONE) != 0) {
            price = price.divide(per, 4, RoundingMode.HALF_UP);
        }
        return price.setScale(Math.max(2, Math.min(4, price.stripTrailingZeros().scale())), RoundingMode.HALF_UP);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }
}
