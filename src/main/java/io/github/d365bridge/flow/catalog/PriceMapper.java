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
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.price.TierPrice;
import io.github.d365bridge.client.d365.entities.ReleasedProductV2;
import io.github.d365bridge.client.d365.entities.SalesPriceAgreement;
import io.github.d365bridge.flow.sync.SyncMapper;
import io.github.d365bridge.flow.sync.SyncRecord;
import io.github.d365bridge.ground.Json;
import io.github.d365bridge.mapping.CatalogSyncMapping;
import io.github.d365bridge.mapping.ItemMapping;
import io.github.d365bridge.mapping.StoreMapping;

/**
 * One item's trade agreement prices → the full set of tier prices the bridge owns for its SKU (one record,
 * scope {@value #SCOPE}), replaced as a whole, so a price gone from D365 goes from Commerce. Per agreement row:
 * valid today (from/to dates, empty = open); on every website of the catalog's store views whose legal entity
 * is the agreement's and whose currency is the agreement's; the price group through
 * {@code catalogSync.priceGroups} ({@code ALL GROUPS} for all customers); quantity from {@code FromQuantity}
 * (at least 1); the price per sales unit. Rows that cannot be a Commerce tier price (another unit, one
 * customer's price, a site or warehouse price, an unmapped price group) are left out and named in
 * {@code ignored}, which the writer reports. Of two rows for one website, group and quantity, the lower price
 * is kept (D365 would find the better price for the customer too).
 */
final class PriceMapper implements SyncMapper<PriceItem> {

    static final String SCOPE = "tiers";
    static final String TYPE = "tierPrices";
    static final String BASE_SCOPE = "base";
    static final String BASE_TYPE = "basePrices";

    private final CatalogSyncMapping sync;
    private final Map<String, StoreMapping> stores;
    private final ItemMapping.SkuNames skus;
    private final Clock clock;

    PriceMapper(CatalogSyncMapping sync, Map<String, StoreMapping> stores, ItemMapping items, Clock clock) {
        this.sync = sync;
        this.stores = stores;
        this.skus = items.skuNames();
        this.clock = clock;
    }

    @Override
    public List<SyncRecord> map(String legalEntity, PriceItem item) {
        String key = item.key();
        if (item.isMaster()) {
            return List.of(SyncRecord.skipped(key, SCOPE, TYPE, "product master: its prices go to its variants'"
                    + " products (a configurable product's price is its children's)"));
        }
        Optional<String> sku = item.variant() ? skus.variantSku(item.itemNumber(), item.dimensions())
                : skus.sku(item.itemNumber());
        if (sku.isEmpty()) {
            return List.of(SyncRecord.skipped(key, SCOPE, TYPE, "no SKU: " + skus.whyNoSku(item.itemNumber())));
        }
        List<SyncRecord> records = new ArrayList<>();
        records.add(SyncRecord.write(key, SCOPE, TYPE, tiers(sku.get(), item)));
        if (sync.priceScope() == CatalogSyncMapping.PriceScope.WEBSITE) {
            records.add(SyncRecord.write(key, BASE_SCOPE, BASE_TYPE, basePrices(sku.get(), item)));
        }
        return records;
    }

    /**
     * Each website's base price, from the released product of the legal entity of the website's first store view
     * in the catalog (its sales price per unit, in that legal entity's currency), addressed to the store view
     * {@code catalogSync.websiteStoreIds} names for the website.
     */
    private ObjectNode basePrices(String sku, PriceItem item) {
        ObjectNode payload = Json.mapper().createObjectNode().put("sku", sku);
        ArrayNode prices = payload.putArray("prices");
        Map<String, ReleasedProductV2> byWebsite = new TreeMap<>();
        sync.storeViews().forEach((store, website) -> {
            StoreMapping mapping = stores.get(store);
            ReleasedProductV2 released = mapping == null ? null
                    : item.releasedIn().get(mapping.legalEntity().toLowerCase(Locale.ROOT));
            if (released != null) {
                byWebsite.putIfAbsent(website, released);
            }
        });
        byWebsite.forEach((website, released) -> prices.addObject()
                .put("store_id", Integer.parseInt(sync.websiteStoreIds().get(website)))
                .put("price", CatalogMapper.unitPrice(released)));
        return payload;
    }

    /** Whether an agreement applies to the item: one for no dimensions applies to every variant. */
    private static boolean appliesTo(SalesPriceAgreement agreement, PriceItem item) {
        List<String> wanted = agreement.dimensions().inSkuOrder();
        List<String> has = item.dimensions().inSkuOrder();
        for (int i = 0; i < wanted.size(); i++) {
            if (!wanted.get(i).isEmpty() && !wanted.get(i).equals(has.get(i))) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode tiers(String skuValue, PriceItem item) {
        Optional<String> sku = Optional.of(skuValue);
        LocalDate today = LocalDate.now(clock);
        Map<String, ObjectNode> rows = new TreeMap<>(); // by website|group|quantity: one row each, sorted for the hash
        List<String> ignored = new ArrayList<>();
        for (SalesPriceAgreement agreement : item.agreements()) {
            if (!validOn(agreement, today) || !appliesTo(agreement, item)) {
                continue;
            }
            String le = agreement.dataAreaId().toLowerCase(Locale.ROOT);
            ReleasedProductV2 released = item.releasedIn().get(le);
            String why = refusal(agreement, released);
            if (why != null) {
                ignored.add("agreement " + agreement.recordId() + " (" + le + "): " + why);
                continue;
            }
            String group = group(agreement);
            BigDecimal quantity = agreement.fromQuantity() == null || agreement.fromQuantity().compareTo(BigDecimal.ONE) < 0
                    ? BigDecimal.ONE : agreement.fromQuantity().stripTrailingZeros();
            BigDecimal price = unitPrice(agreement);
            List<Integer> websites = websites(le, agreement.priceCurrencyCode());
            if (websites.isEmpty()) {
                ignored.add("agreement " + agreement.recordId() + " (" + le + "): no website of the catalog's store views"
                        + " sells " + le + "'s items in " + agreement.priceCurrencyCode());
            }
            for (int website : websites) {
                String key = website + "|" + group + "|" + quantity.toPlainString();
                ObjectNode kept = rows.get(key);
                if (kept == null || price.compareTo(kept.get("price").decimalValue()) < 0) {
                    rows.put(key, Json.mapper().createObjectNode().put("website_id", website).put("customer_group", group)
                            .put("quantity", quantity).put("price", price).put("price_type", TierPrice.FIXED));
                }
            }
        }
        ObjectNode payload = Json.mapper().createObjectNode().put("sku", sku.get());
        ArrayNode list = payload.putArray("rows");
        rows.values().forEach(list::add);
        ArrayNode notes = payload.putArray("ignored");
        ignored.stream().sorted().forEach(notes::add);
        return payload;
    }

    /** Why an agreement row cannot be a Commerce tier price, or null. */
    private String refusal(SalesPriceAgreement agreement, ReleasedProductV2 released) {
        if (released == null) {
            return "the item is not released there";
        }
        if (agreement.customerAccountNumber() != null && !agreement.customerAccountNumber().isBlank()) {
            return "a price for customer " + agreement.customerAccountNumber() + " alone (Commerce tier prices are per"
                    + " customer group)";
        }
        if (!blank(agreement.priceSiteId()) || !blank(agreement.priceWarehouseId())) {
            return "a price for site/warehouse " + agreement.priceSiteId() + "/" + agreement.priceWarehouseId()
                    + " (Commerce prices are per website)";
        }
        String unit = agreement.quantityUnitySymbol();
        if (!blank(unit) && !blank(released.salesUnitSymbol()) && !unit.equalsIgnoreCase(released.salesUnitSymbol())) {
            return "unit " + unit + " is not the sales unit " + released.salesUnitSymbol() + " (no conversion is made)";
        }
        String code = agreement.priceCustomerGroupCode();
        if (!blank(code) && !sync.priceGroups().containsKey(code)) {
            return "price group " + code + " is not in catalogSync.priceGroups";
        }
        return null;
    }

    private String group(SalesPriceAgreement agreement) {
        String code = agreement.priceCustomerGroupCode();
        return blank(code) ? TierPrice.ALL_GROUPS : sync.priceGroups().get(code);
    }

    /** The websites whose store views (of the catalog) belong to the legal entity and sell in the currency. */
    private List<Integer> websites(String legalEntity, String currency) {
        return sync.storeViews().entrySet().stream().filter(e -> {
            StoreMapping store = stores.get(e.getKey());
            return store != null && store.legalEntity().equalsIgnoreCase(legalEntity)
                    && (blank(currency) || currency.equalsIgnoreCase(store.currency()));
        }).map(e -> Integer.valueOf(e.getValue())).distinct().sorted().toList();
    }

    /** From and to dates hold today; D365's empty date (1900) is open. */
    static boolean validOn(SalesPriceAgreement agreement, LocalDate today) {
        Optional<LocalDate> from = date(agreement.priceApplicableFromDate());
        Optional<LocalDate> to = date(agreement.priceApplicableToDate());
        return from.map(f -> !today.isBefore(f)).orElse(true) && to.map(t -> !today.isAfter(t)).orElse(true);
    }

    private static Optional<LocalDate> date(java.time.OffsetDateTime value) {
        return value == null || value.getYear() <= 1900 ? Optional.empty() : Optional.of(value.toLocalDate());
    }

    private static BigDecimal unitPrice(SalesPriceAgreement agreement) {
        BigDecimal price = agreement.price() == null ? BigDecimal.ZERO : agreement.price();
        BigDecimal per = agreement.salesPriceQuantity();
        if (per != null && per.signum() > 0 && per.compareTo(BigDecimal.ONE) != 0) {
            price = price.divide(per, 4, RoundingMode.HALF_UP);
        }
        return price.stripTrailingZeros().scale() < 2 ? price.setScale(2, RoundingMode.HALF_UP) : price;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
