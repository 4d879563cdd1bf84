package io.github.d365bridge.sandbox.commerce.orders;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions.StoreView;

/**
 * Money of a placed order: discount (a negative amount on the order, positive on items, as Commerce
 * stores them), flat-rate or table-rate shipping, tax (8.25 % US, 19 % EU) on the discounted
 * subtotal, payment and the single shipping assignment.
 */
final class Totals {

    private static final List<String[]> METHODS = List.of(
            new String[] {"flatrate_flatrate", "Flat Rate - Fixed"},
            new String[] {"tablerate_bestway", "Best Way - Table Rate"},
            new String[] {"freeshipping_freeshipping", "Free Shipping - Free"});
    private static final List<String> PAYMENTS = List.of("checkmo", "braintree", "banktransfer", "purchaseorder");

    private Totals() {
    }

    static void apply(ObjectNode order, Random random, StoreView store, double subtotal, double qtyTotal) {
        boolean discounted = random.nextInt(3) == 0;
        double discountPercent = discounted ? 10 : 0;
        double rate = store.currency().equals("EUR") ? 0.19 : 0.0825;
        double discount = 0;
        double tax = 0;
        for (var node : order.withArray("items")) {
            ObjectNode item = (ObjectNode) node;
            double row = item.path("row_total").asDouble();
            if (row == 0) {
                continue;
            }
            double itemDiscount = round(row * discountPercent / 100);
            double itemTax = round((row - itemDiscount) * rate);
            item.put("discount_amount", itemDiscount).put("base_discount_amount", itemDiscount).put("discount_percent", discountPercent)
                    .put("tax_amount", itemTax).put("base_tax_amount", itemTax).put("tax_percent", rate * 100)
                    .put("price_incl_tax", round(item.path("price").asDouble() * (1 + rate)))
                    .put("row_total_incl_tax", round(row + itemTax));
            discount += itemDiscount;
            tax += itemTax;
        }
        String[] method = METHODS.get(random.nextInt(METHODS.size()));
        double shipping = method[0].startsWith("freeshipping") ? 0 : round(5 * Math.max(1, Math.min(qtyTotal, 4)));
        double grand = round(subtotal - discount + tax + shipping);
        order.put("subtotal", round(subtotal)).put("base_subtotal", round(subtotal)).put("subtotal_incl_tax", round(subtotal + tax))
                .put("discount_amount", -round(discount)).put("base_discount_amount", -round(discount))
                .put("tax_amount", round(tax)).put("base_tax_amount", round(tax))
                .put("shipping_amount", shipping).put("base_shipping_amount", shipping).put("shipping_incl_tax", shipping)
                .put("shipping_description", method[1]).put("grand_total", grand).put("base_grand_total", grand)
                .put("total_due", grand).put("base_total_due", grand).put("total_paid", 0).put("total_invoiced", 0)
                .put("total_qty_ordered", qtyTotal).put("total_item_count", order.withArray("items").size())
                .put("weight", qtyTotal);
        if (discounted) {
            order.put("discount_description", "SUMMER10").put("coupon_code", "SUMMER10").put("applied_rule_ids", "3");
        }
        String paymentMethod = order.has("extension_attributes") && order.get("extension_attributes").has("company_order_attributes")
                ? "purchaseorder" : PAYMENTS.get(random.nextInt(PAYMENTS.size()));
        ObjectNode payment = order.putObject("payment").put("method", paymentMethod).put("account_status", "")
                .put("cc_last4", paymentMethod.equals("braintree") ? String.valueOf(1000 + random.nextInt(9000)) : "")
                .put("amount_ordered", grand).put("base_amount_ordered", grand).put("shipping_amount", shipping)
                .put("base_shipping_amount", shipping);
        payment.putArray("additional_information").add(paymentMethod.equals("purchaseorder") ? "PO-" + (10000 + random.nextInt(90000)) : "");
        ObjectNode address = ((ObjectNode) order.get("billing_address")).deepCopy().put("address_type", "shipping");
        ObjectNode shippingNode = order.with("extension_attributes").putArray("shipping_assignments").addObject()
                .putObject("shipping");
        shippingNode.set("address", address);
        shippingNode.put("method", method[0]);
        shippingNode.putObject("total").put("shipping_amount", shipping).put("base_shipping_amount", shipping)
                .put("shipping_incl_tax", shipping).put("base_shipping_incl_tax", shipping);
        order.putArray("status_histories");
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
