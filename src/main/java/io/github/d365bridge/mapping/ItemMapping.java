package io.github.d365bridge.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * SKU ↔ D365 item number, both ways: orders read SKUs into item numbers, the catalog flow writes item numbers
 * as SKUs, and both go through this one class so that a product the bridge created comes back as its own item.
 *
 * <p>SKU → item: the explicit table wins; then the first prefix rule whose Commerce prefix starts the SKU;
 * then, in {@code identity} mode, the SKU itself. In identity mode the part after the prefix is read with
 * {@link SkuRule} (so {@code %20RFI-TEST-001} is the item {@code " RFI-TEST-001"}). In {@code table} mode a
 * SKU the table does not list has no item number (the order fails) — prefix rules do not apply there, because
 * a table-mode profile promises every SKU was mapped by hand. Values are never trimmed: D365 item numbers
 * can legitimately carry leading spaces.
 *
 * <p>Item → SKU ({@link #skuNames}) is the inverse, and only answers a SKU that maps back to the same item.
 *
 * @param mode        {@code identity} or {@code table}
 * @param table       SKU → item number
 * @param prefixRules prefix rewrites for identity mode, tried in order
 * @param unitSymbol  D365 sales unit of every mapped line (e.g. {@code ea})
 */
public record ItemMapping(Mode mode, Map<String, String> table, List<PrefixRule> prefixRules, String unitSymbol) {

    public ItemMapping {
        table = Collections2.map(table);
        prefixRules = Collections2.list(prefixRules);
    }

    public Optional<String> itemNumber(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        String explicit = table.get(sku);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        if (mode == Mode.TABLE) {
            return Optional.empty();
        }
        return Optional.of(prefixRules.stream().filter(rule -> sku.startsWith(rule.commercePrefix()))
                .findFirst()
                .map(rule -> rule.itemPrefix() + SkuRule.itemNumber(sku.substring(rule.commercePrefix().length())))
                .orElseGet(() -> SkuRule.itemNumber(sku)));
    }

    /** What an order line sells: the item and, for a variant of a product master, its dimensions. */
    public record ItemRef(String itemNumber, ProductDimensions dimensions) {
    }

    /**
     * The item and dimensions of a SKU: a SKU the table lists is that item as it is (the table wins); a variant
     * SKU ({@link SkuRule#variantSku}) is its master's item, read as above, with the dimensions it carries.
     * Empty when the master part has no item number or the SKU carries more dimensions than D365 has.
     */
    public Optional<ItemRef> item(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        if (table.containsKey(sku)) {
            return Optional.of(new ItemRef(table.get(sku), ProductDimensions.NONE));
        }
        Optional<SkuRule.VariantParts> variant;
        try {
            variant = SkuRule.splitVariant(sku);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (variant.isEmpty()) {
            return itemNumber(sku).map(item -> new ItemRef(item, ProductDimensions.NONE));
        }
        return itemNumber(variant.get().masterSku()).map(item -> new ItemRef(item, variant.get().dimensions()));
    }

    /** Why {@link #item} is empty for this SKU. */
    public String whyNoItem(String sku) {
        try {
            Optional<SkuRule.VariantParts> variant = SkuRule.splitVariant(sku);
            if (variant.isPresent()) {
                return "'" + sku + "' is a variant SKU whose master '" + variant.get().masterSku()
                        + "' has no item number in items.table (items.mode is table)";
            }
        } catch (IllegalArgumentException e) {
            return "'" + sku + "' is not a variant SKU the bridge reads: " + e.getMessage();
        }
        return "'" + sku + "' has no item number in items.table (items.mode is table)";
    }

    /**
     * The inverse, for the catalog flow: built once per run, because the table is read backwards.
     * See {@link SkuNames#sku}.
     */
    public SkuNames skuNames() {
        Map<String, List<String>> byItem = new HashMap<>();
        table.forEach((sku, item) -> byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(sku));
        return new SkuNames(this, byItem);
    }

    /** Item → SKU: answers only SKUs that map back to the same item through {@link #itemNumber}. */
    public static final class SkuNames {

        private final ItemMapping items;
        private final Map<String, List<String>> tableByItem;

        private SkuNames(ItemMapping items, Map<String, List<String>> tableByItem) {
            this.items = items;
            this.tableByItem = tableByItem;
        }

        /**
         * The SKU the catalog flow gives an item: in table mode the one SKU the table maps to it; in identity
         * mode a listed SKU first, then the first prefix rule whose item prefix starts the item (so products of
         * {@code EU-} SKUs stay {@code EU-} products), else the item under {@link SkuRule}. Empty when no SKU
         * maps back to this item, or when the table lists several for it (the reason says which).
         */
        public Optional<String> sku(String itemNumber) {
            List<String> listed = tableByItem.getOrDefault(itemNumber, List.of());
            if (!listed.isEmpty() || items.mode == Mode.TABLE) {
                return listed.size() == 1 ? Optional.of(listed.get(0)) : Optional.empty();
            }
            for (PrefixRule rule : items.prefixRules) {
                if (itemNumber.startsWith(rule.itemPrefix())) {
                    String sku = rule.commercePrefix() + SkuRule.sku(itemNumber.substring(rule.itemPrefix().length()));
                    if (mapsBack(sku, itemNumber)) {
                        return Optional.of(sku);
                    }
                }
            }
            String sku = SkuRule.sku(itemNumber);
            return mapsBack(sku, itemNumber) ? Optional.of(sku) : Optional.empty();
        }

        /** The SKU of one variant of a product master: the master's SKU and its dimensions by {@link SkuRule}. */
        public Optional<String> variantSku(String itemNumber, ProductDimensions dimensions) {
            return sku(itemNumber).map(master -> SkuRule.variantSku(master, dimensions));
        }

        /** Why {@link #sku} is empty for this item. */
        public String whyNoSku(String itemNumber) {
            List<String> listed = tableByItem.getOrDefault(itemNumber, List.of());
            if (listed.size() > 1) {
                return "items.table maps several SKUs " + listed.stream().sorted().toList() + " to item '"
                        + itemNumber + "'; the catalog flow needs one";
            }
            if (items.mode == Mode.TABLE) {
                return "items.mode is table and items.table lists no SKU for item '" + itemNumber + "'";
            }
            return "no SKU maps back to item '" + itemNumber + "' through items.prefixRules (an earlier rule"
                    + " takes the SKU); list the item in items.table";
        }

        private boolean mapsBack(String sku, String itemNumber) {
            return items.itemNumber(sku).filter(itemNumber::equals).isPresent();
        }
    }

    public enum Mode {
        @JsonProperty("identity") IDENTITY,
        @JsonProperty("table") TABLE
    }

    /**
     * Replaces a SKU's leading {@code commercePrefix} with {@code itemPrefix} (which may be empty), e.g.
     * {@code EU-1000 → 1000}.
     */
    public record PrefixRule(String commercePrefix, String itemPrefix) {

        public PrefixRule {
            itemPrefix = itemPrefix == null ? "" : itemPrefix;
        }
    }
}
