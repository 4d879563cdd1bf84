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
    static final String LINKS = "links";
    static final String PARENT = "parent";
    static final String CHILD = "child";
    /** In a master's product payload: the options its configurable product offers, by attribute and label. */
    static final String CONFIGURABLE_OPTIONS = "configurable_options";
    /** In a variant's product payload: its option label per attribute, sent as option ids by the writer. */
    static final String VARIANT_OPTIONS = "variant_options";

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
        String key = item.key();
        ReleasedProductV2 primary = item.primary();
        boolean service = "Service".equalsIgnoreCase(primary.productType());
        if (service && sync.services() == CatalogSyncMapping.Services.SKIP) {
            return List.of(SyncRecord.skipped(key, GLOBAL, PRODUCT, "service item (catalogSync.services is skip)"));
        }
        if (item.isMaster() && item.variants().isEmpty()) {
            return List.of(SyncRecord.skipped(key, GLOBAL, PRODUCT, "product master without a released variant in"
                    + " the listed legal entities (a configurable product without children cannot be sold)"));
        }
        Optional<String> sku = item.isVariant() ? skus.variantSku(item.itemNumber(), item.dimensions())
                : skus.sku(item.itemNumber());
        if (sku.isEmpty()) {
            return List.of(SyncRecord.skipped(key, GLOBAL, PRODUCT, "no SKU: " + skus.whyNoSku(item.itemNumber())));
        }
        LocalDate today = LocalDate.now(clock);
        List<SyncRecord> records = new ArrayList<>();
        ObjectNode product = product(sku.get(), item, service, today);
        if (item.isMaster()) {
            configurable(product, item);
        } else if (item.isVariant()) {
            variant(product, item);
            records.add(SyncRecord.write(key, PARENT, CHILD, Json.mapper().createObjectNode()
                    .put("sku", skus.sku(item.itemNumber()).orElseThrow()).put("childSku", sku.get())));
        }
        records.add(SyncRecord.write(key, GLOBAL, PRODUCT, product));
        if (sync.relations().enabled() && !item.isVariant()) {
            records.add(SyncRecord.write(key, LINKS, LINKS, links(sku.get(), item)));
        }
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

    /**
     * The links the bridge owns for the product: each D365 relation of a mapped type to a product released in a
     * listed legal entity, in D365's order per type. Others are named in {@code ignored}.
     */
    private ObjectNode links(String sku, CatalogItem item) {
        ObjectNode payload = Json.mapper().createObjectNode().put("sku", sku);
        ArrayNode links = payload.putArray("links");
        List<String> ignored = new ArrayList<>();
        Map<String, Integer> positions = new java.util.HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RelationRows.Relation relation : item.relations()) {
            String type = sync.relations().types().get(relation.type());
            Optional<String> target = relation.relatedItem() == null ? Optional.empty() : skus.sku(relation.relatedItem());
            if (type == null) {
                ignored.add(relation.type() + " " + relation.relatedProduct() + ": relation type not in catalogSync.relations.types");
            } else if (target.isEmpty()) {
                ignored.add(relation.type() + " " + relation.relatedProduct() + ": not released in "
                        + sync.legalEntities() + (relation.relatedItem() == null ? "" : " under a SKU"));
            } else if (target.get().equals(sku)) {
                ignored.add(relation.type() + " " + relation.relatedProduct() + ": a product cannot link to itself");
            } else if (seen.add(type + "\u0000" + target.get())) {
                int position = positions.merge(type, 1, Integer::sum);
                links.addObject().put("link_type", type).put("linked_product_sku", target.get()).put("position", position);
            }
        }
        ArrayNode notes = payload.putArray("ignored");
        ignored.stream().sorted().forEach(notes::add);
        return payload;
    }

    /** A master: a configurable product offering each dimension its variants use, by label. */
    private void configurable(ObjectNode product, CatalogItem item) {
        product.put("type_id", "configurable");
        product.remove("price"); // a configurable product's price is its children's
        product.remove("weight");
        ArrayNode options = product.putArray(CONFIGURABLE_OPTIONS);
        for (int d = 0; d < CatalogSyncMapping.DIMENSIONS.size(); d++) {
            int index = d;
            List<String> values = item.variants().stream().map(v -> v.inSkuOrder().get(index)).filter(v -> !v.isEmpty())
                    .distinct().toList();
            if (values.isEmpty()) {
                continue;
            }
            String dimension = CatalogSyncMapping.DIMENSIONS.get(d);
            String attribute = sync.variantAttributes().get(dimension);
            if (attribute == null) {
                throw new IllegalArgumentException("product master " + item.itemNumber().strip() + " has variants by "
                        + dimension + " " + values + ", and catalogSync.variantAttributes maps no Commerce attribute"
                        + " to " + dimension);
            }
            ObjectNode option = options.addObject().put("attribute_code", attribute).put("position", options.size() - 1);
            values.forEach(option.putArray("values")::add);
        }
    }

    /** A variant: a simple product seen through its configurable product, with its option per dimension. */
    private void variant(ObjectNode product, CatalogItem item) {
        product.put("name", variantName(name(item), item));
        product.put("visibility", Integer.parseInt(sync.variantVisibility()));
        ObjectNode options = product.putObject(VARIANT_OPTIONS);
        List<String> values = item.dimensions().inSkuOrder();
        for (int d = 0; d < values.size(); d++) {
            if (!values.get(d).isEmpty()) {
                String attribute = sync.variantAttributes().get(CatalogSyncMapping.DIMENSIONS.get(d));
                if (attribute == null) {
                    throw new IllegalArgumentException("variant " + item.itemNumber().strip() + " " + values + " has a "
                            + CatalogSyncMapping.DIMENSIONS.get(d) + ", and catalogSync.variantAttributes maps no"
                            + " Commerce attribute to it");
                }
                options.put(attribute, values.get(d));
            }
        }
    }

    /** D365's own variant name where it has one that differs, else the master's name and the values. */
    private static String variantName(String masterName, CatalogItem item) {
        String own = item.variantIn().values().iterator().next().productName();
        if (own != null && !own.isBlank() && !own.equals(masterName)) {
            return own;
        }
        return masterName + " " + String.join(" ", item.dimensions().inSkuOrder().stream().filter(v -> !v.isEmpty()).toList());
    }

    private ObjectNode storeValues(String sku, CatalogItem item, String store, LocalDate today) {
        StoreMapping mapping = stores.get(store);
        ReleasedProductV2 released = item.releasedIn().get(mapping.legalEntity().toLowerCase(Locale.ROOT));
        ObjectNode values = Json.mapper().createObjectNode().put("sku", sku).put("status", status(released, today));
        String language = mapping.languageId() == null ? sync.language() : mapping.languageId();
        if (!language.equalsIgnoreCase(sync.language())) {
            ProductTranslation translation = item.translations().get(language.toLowerCase(Locale.ROOT));
            if (translation != null && translation.productName() != null && !translation.productName().isBlank()) {
                values.put("name", item.isVariant() ? String.join(" ", translation.productName(), String.join(" ",
                        item.dimensions().inSkuOrder().stream().filter(v -> !v.isEmpty()).toList()))
                        : translation.productName());
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
