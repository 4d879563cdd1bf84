package io.github.d365bridge.flow.orders.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.d365bridge.client.commerce.sales.OrderItem;
import io.github.d365bridge.flow.orders.OrderKey;

/**
 * Turns Commerce's item rows into one sellable line each, by product type:
 * <ul>
 * <li>{@code simple}, {@code virtual}, {@code downloadable}: one line as is (grouped products arrive
 * as their simple items, without a parent row).</li>
 * <li>{@code configurable}: the parent row carries price, quantity and discount, its child row the
 * simple SKU (at price 0); the two become ONE line with the child's SKU and name and the parent's
 * amounts. Counting both would order the item twice.</li>
 * <li>{@code bundle} and any other type (gift cards, custom types): the order fails. A bundle's price
 * may sit on the parent (fixed price) or the children (dynamic price) and D365 would need a kit/BOM
 * item to match either; guessing would import wrong amounts, so an operator decides.</li>
 * </ul>
 */
final class ItemLines {

    private static final Set<String> PLAIN_TYPES = Set.of("simple", "virtual", "downloadable");

    /** One line to be: where it came from ({@code items[i]}) and what it sells. */
    record ItemLine(String field, Long itemId, String sku, String name, BigDecimal quantity, BigDecimal price,
            BigDecimal discount) {
    }

    private ItemLines() {
    }

    static List<ItemLine> of(OrderKey key, List<OrderItem> items) {
        List<OrderItem> rows = items == null ? List.of() : items;
        Map<Long, Integer> indexById = new HashMap<>();
        Map<Long, List<Integer>> children = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            OrderItem item = rows.get(i);
            if (item.itemId() != null) {
                indexById.put(item.itemId(), i);
            }
            if (item.parentItemId() != null) {
                children.computeIfAbsent(item.parentItemId(), id -> new ArrayList<>()).add(i);
            }
        }
        // Checked first, so a dangling link is reported as such rather than as a parent without child.
        for (int i = 0; i < rows.size(); i++) {
            Long parentId = rows.get(i).parentItemId();
            if (parentId != null && !indexById.containsKey(parentId)) {
                throw new OrderMappingException(key, "items[" + i + "].parent_item_id",
                        "names item " + parentId + ", which is not in the order");
            }
        }
        List<ItemLine> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OrderItem item = rows.get(i);
            String field = "items[" + i + "]";
            if (item.parentItemId() != null) {
                continue; // mapped with its parent
            }
            String type = item.productType() == null ? "" : item.productType();
            if (PLAIN_TYPES.contains(type)) {
                lines.add(line(key, field, field, item, item));
            } else if (type.equals("configurable")) {
                List<Integer> kids = children.getOrDefault(item.itemId(), List.of());
                if (kids.size() != 1) {
                    throw new OrderMappingException(key, field, "configurable item (sku '" + item.sku() + "') has "
                            + kids.size() + " child rows, expected exactly 1 carrying the simple SKU");
                }
                OrderItem child = rows.get(kids.get(0));
                lines.add(line(key, "items[" + kids.get(0) + "]", field, item, child));
            } else if (type.equals("bundle")) {
                throw new OrderMappingException(key, field + ".product_type", "bundle item (sku '" + item.sku()
                        + "') is not mapped: bundles need a D365 kit or BOM item decided by an operator");
            } else {
                throw new OrderMappingException(key, field + ".product_type", "'" + type + "' (sku '" + item.sku()
                        + "') is not a product type the mapper handles (simple, virtual, downloadable, configurable)");
            }
        }
        return lines;
    }

    /**
     * @param skuField     where SKU and name come from, for messages (the child row for configurables)
     * @param amountsField where quantity, price and discount come from (the parent row for configurables)
     */
    private static ItemLine line(OrderKey key, String skuField, String amountsField, OrderItem amounts,
            OrderItem product) {
        if (product.sku() == null || product.sku().isEmpty()) {
            throw new OrderMappingException(key, skuField + ".sku", "is missing");
        }
        if (amounts.qtyOrdered() == null || amounts.qtyOrdered().signum() <= 0) {
            throw new OrderMappingException(key, amountsField + ".qty_ordered", "must be a positive quantity, got "
                    + amounts.qtyOrdered());
        }
        if (amounts.price() == null || amounts.price().signum() < 0) {
            throw new OrderMappingException(key, amountsField + ".price", "must be a price of zero or more, got "
                    + amounts.price());
        }
        BigDecimal discount = amounts.discountAmount() == null ? BigDecimal.ZERO : amounts.discountAmount().abs();
        String name = product.name() != null && !product.name().isEmpty() ? product.name() : amounts.name();
        return new ItemLine(skuField, amounts.itemId(), product.sku(), name, amounts.qtyOrdered(), amounts.price(),
                discount);
    }
}
