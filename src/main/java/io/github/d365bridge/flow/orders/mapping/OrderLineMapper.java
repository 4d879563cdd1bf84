package io.github.d365bridge.flow.orders.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.flow.orders.mapping.ItemLines.ItemLine;
import io.github.d365bridge.mapping.DiscountMapping;
import io.github.d365bridge.mapping.ItemMapping;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.ProductDimensions;
import io.github.d365bridge.mapping.ShippingMapping;
import io.github.d365bridge.mapping.StoreMapping;

/**
 * The lines of one order: one per sellable item ({@link ItemLines}), then, as the profile says, a
 * shipping charge line and a discount line. Lines are numbered 1, 2, 3 in that order. Item lines carry
 * the Commerce {@code item_id} as customer line number, which shipments and invoices refer back to.
 */
final class OrderLineMapper {

    private OrderLineMapper() {
    }

    static List<Map<String, String>> map(OrderKey key, Order order, MappingProfile profile, StoreMapping store,
            String orderNumber) {
        List<ItemLine> items = ItemLines.of(key, order.items());
        if (items.isEmpty()) {
            throw new OrderMappingException(key, "items", "the order has no item lines");
        }
        boolean spread = profile.discounts().orderLevel() == DiscountMapping.OrderLevel.SPREAD;
        List<Map<String, String>> lines = new ArrayList<>();
        BigDecimal itemDiscounts = BigDecimal.ZERO;
        for (ItemLine item : items) {
            ItemMapping.ItemRef product = item(key, item, profile.items());
            Map<String, String> line = line(orderNumber, lines.size() + 1, product.itemNumber(), item.quantity(),
                    item.price(), spread ? item.discount() : BigDecimal.ZERO, profile, store, item.name());
            ProductDimensions dimensions = product.dimensions();
            line.put(SalesOrderFields.COLOR, dimensions.color());
            line.put(SalesOrderFields.SIZE, dimensions.size());
            line.put(SalesOrderFields.STYLE, dimensions.style());
            line.put(SalesOrderFields.CONFIGURATION, dimensions.configuration());
            line.put(SalesOrderFields.VERSION, dimensions.version());
            line.put(SalesOrderFields.CUSTOMER_LINE_NUMBER, item.itemId() == null ? "" : item.itemId().toString());
            lines.add(line);
            itemDiscounts = itemDiscounts.add(item.discount());
        }
        BigDecimal orderDiscount = order.discountAmount() == null ? BigDecimal.ZERO : order.discountAmount().abs();
        BigDecimal shipping = order.shippingAmount() == null ? BigDecimal.ZERO : order.shippingAmount();
        BigDecimal shippingDiscount = spread ? shippingDiscount(key, orderDiscount, itemDiscounts, shipping) : BigDecimal.ZERO;
        ShippingMapping shippingRule = profile.shipping();
        if (shippingRule.mode() == ShippingMapping.Mode.CHARGE_LINE && shipping.signum() > 0) {
            lines.add(line(orderNumber, lines.size() + 1, shippingRule.itemNumber(), BigDecimal.ONE, shipping,
                    shippingDiscount, profile, store, D365Values.text(shippingRule.description())));
        }
        if (!spread && orderDiscount.signum() > 0) {
            DiscountMapping discountRule = profile.discounts();
            lines.add(line(orderNumber, lines.size() + 1, discountRule.itemNumber(), BigDecimal.ONE,
                    orderDiscount.negate(), BigDecimal.ZERO, profile, store, D365Values.text(discountRule.description())));
        }
        return lines;
    }

    /**
     * In spread mode the items carry Commerce's own allocation of the order discount; what is left over is
     * a discount on shipping, which rides on the shipping line (or goes with shipping when it is ignored).
     * A remainder that fits neither means the order's amounts do not add up, and importing it would lose
     * money silently.
     */
    private static BigDecimal shippingDiscount(OrderKey key, BigDecimal orderDiscount, BigDecimal itemDiscounts,
            BigDecimal shipping) {
        BigDecimal remainder = orderDiscount.subtract(itemDiscounts).setScale(2, RoundingMode.HALF_UP);
        if (remainder.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (remainder.signum() < 0 || remainder.compareTo(shipping) > 0) {
            throw new OrderMappingException(key, "discount_amount", "the order discount " + D365Values.decimal(orderDiscount)
                    + " does not match the items' discounts " + D365Values.decimal(itemDiscounts)
                    + " plus at most the shipping amount " + D365Values.decimal(shipping));
        }
        return remainder;
    }

    private static ItemMapping.ItemRef item(OrderKey key, ItemLine item, ItemMapping items) {
        return items.item(item.sku()).orElseThrow(() -> new OrderMappingException(key, item.field() + ".sku",
                items.whyNoItem(item.sku())));
    }

    private static Map<String, String> line(String orderNumber, int number, String itemNumber, BigDecimal quantity,
            BigDecimal price, BigDecimal discount, MappingProfile profile, StoreMapping store, String description) {
        Map<String, String> line = new HashMap<>();
        line.put(SalesOrderFields.SALES_ORDER_NUMBER, orderNumber);
        line.put(SalesOrderFields.LINE_NUMBER, Integer.toString(number));
        line.put(SalesOrderFields.ITEM, itemNumber);
        line.put(SalesOrderFields.QUANTITY, D365Values.decimal(quantity));
        line.put(SalesOrderFields.PRICE, D365Values.decimal(price));
        line.put(SalesOrderFields.LINE_DISCOUNT, D365Values.decimal(discount));
        line.put(SalesOrderFields.UNIT, profile.items().unitSymbol());
        line.put(SalesOrderFields.LINE_WAREHOUSE, store.warehouseId().orElse(""));
        line.put(SalesOrderFields.LINE_SITE, store.siteId().orElse(""));
        line.put(SalesOrderFields.DESCRIPTION, description == null ? "" : description);
        for (String dimension : List.of(SalesOrderFields.COLOR, SalesOrderFields.SIZE, SalesOrderFields.STYLE,
                SalesOrderFields.CONFIGURATION, SalesOrderFields.VERSION)) {
            line.put(dimension, ""); // every row carries every column; item lines fill them for variants
        }
        return line;
    }
}
