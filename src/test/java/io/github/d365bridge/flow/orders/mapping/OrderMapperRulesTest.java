package io.github.d365bridge.flow.orders.mapping;

import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.order;
import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.profile;
import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.tree;
import static io.github.d365bridge.flow.orders.mapping.OrderMapperFixturesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.flow.orders.OrderKey;

/** The profile's choices: shipping and discount modes, accounts, item and code tables. */
class OrderMapperRulesTest {

    private static final OrderKey CONFIGURABLE_KEY = new OrderKey("default", "000000104");
    private static final String N = "CO-E421FDCAA292";

    @Test
    void ignoredShippingAddsNoChargeLine() {
        MappedOrder mapped = new OrderMapper(profile("shipping: {mode: ignore}"))
                .map(order(OrderFixtures.CONFIGURABLE), CONFIGURABLE_KEY, Optional.of("US-005"));

        assertThat(mapped.lines()).extracting(l -> l.get("ITEMNUMBER")).containsExactly("SB-CONF-0002-M", "SB-SIMPLE-0003");
    }

    @Test
    void discountLineModeSellsAtFullPriceAndAddsOneNegativeLine() {
        MappedOrder mapped = new OrderMapper(profile("discounts: {orderLevel: discount-line, itemNumber: PROMO, description: Coupon}"))
                .map(order(OrderFixtures.CONFIGURABLE), CONFIGURABLE_KEY, Optional.of("US-005"));

        assertThat(mapped.lines()).containsExactly(
                line(N, "1", "SB-CONF-0002-M", "2", "40", "0", "205", "Trail Hoodie-M"),
                line(N, "2", "SB-SIMPLE-0003", "1", "12.5", "0", "207", "Trail Bottle"),
                line(N, "3", "FREIGHT", "1", "15", "0", "", "Shipping"),
                line(N, "4", "PROMO", "1", "-9.25", "0", "", "Coupon"));
    }

    @Test
    void discountBeyondTheItemsIsAShippingDiscountOnTheChargeLine() {
        ObjectNode json = tree(OrderFixtures.CONFIGURABLE).put("discount_amount", -14.25);

        MappedOrder mapped = new OrderMapper(OrderFixtures.defaultProfile()).map(order(json), CONFIGURABLE_KEY, Optional.of("US-005"));

        assertThat(mapped.lines().get(2)).isEqualTo(line(N, "3", "FREIGHT", "1", "15", "5", "", "Shipping"));
    }

    @Test
    void guestsGoToTheGuestAccountEvenWhenAnAccountIsPassed() {
        MappedOrder mapped = new OrderMapper(OrderFixtures.defaultProfile())
                .map(order(OrderFixtures.GUEST), new OrderKey("default", "000000101"), Optional.of("US-999"));

        assertThat(mapped.header()).containsEntry("ORDERINGCUSTOMERACCOUNTNUMBER", "US-027")
                .containsEntry("INVOICECUSTOMERACCOUNTNUMBER", "US-027");
    }

    @Test
    void unresolvedCustomerCanFallBackToTheGuestAccount() {
        MappedOrder mapped = new OrderMapper(profile("customers: {unresolvedCustomer: guest-account}"))
                .map(order(OrderFixtures.EU_STORE), new OrderKey("eu_en", "2000000031"), Optional.empty());

        assertThat(mapped.header()).containsEntry("ORDERINGCUSTOMERACCOUNTNUMBER", "DE-010")
                .containsEntry("EMAIL", "j.gross@example.de");
    }

    @Test
    void companyOrdersCanUseTheBuyersOwnAccount() {
        OrderMapper mapper = new OrderMapper(profile("customers: {companyOrders: buyer-account}"));

        assertThat(mapper.customerReference(order(OrderFixtures.COMPANY), new OrderKey("default", "000000103")))
                .contains(new CustomerReference("usmf", CustomerReference.Kind.CUSTOMER, 57));
    }

    @Test
    void itemTableAndPrefixRulesDecideTheItemNumber() {
        OrderMapper identity = new OrderMapper(profile("""
                items:
                  table: {SB-CONF-0002-M: HOODIE-M}
                  prefixRules: [{commercePrefix: SB-SIMPLE-, itemPrefix: "A"}]
                  unitSymbol: pcs
                """));

        MappedOrder mapped = identity.map(order(OrderFixtures.CONFIGURABLE), CONFIGURABLE_KEY, Optional.of("US-005"));

        assertThat(mapped.lines()).extracting(l -> l.get("ITEMNUMBER")).containsExactly("HOODIE-M", "A0003", "FREIGHT");
        assertThat(mapped.lines()).extracting(l -> l.get("SALESUNITSYMBOL")).containsOnly("pcs");
    }

    @Test
    void unmappedCodesGetTheDefaultAndAnEmptyDefaultLeavesTheFieldEmpty() {
        ObjectNode json = tree(OrderFixtures.REGISTERED);
        ((ObjectNode) json.get("payment")).put("method", "paypal_express");
        ((ObjectNode) json.at("/extension_attributes/shipping_assignments/0/shipping")).put("method", "ups_GND");

        MappedOrder mapped = new OrderMapper(OrderFixtures.defaultProfile())
                .map(order(json), new OrderKey("default", "000000102"), Optional.of("US-001"));

        assertThat(mapped.header()).containsEntry("DELIVERYMODECODE", "10").containsEntry("CUSTOMERPAYMENTMETHODNAME", "");
    }

    @Test
    void storeWithoutWarehouseLeavesWarehouseAndSiteToD365() {
        MappedOrder mapped = new OrderMapper(profile("stores: {default: {warehouse: ~, site: ~}}"))
                .map(order(OrderFixtures.GUEST), new OrderKey("default", "000000101"), Optional.empty());

        assertThat(mapped.header()).containsEntry("DEFAULTSHIPPINGWAREHOUSEID", "").containsEntry("DEFAULTSHIPPINGSITEID", "");
        assertThat(mapped.lines()).extracting(l -> l.get("SHIPPINGWAREHOUSEID")).containsOnly("");
    }

    @Test
    void orderWithoutShippingAssignmentShipsToTheBillingAddress() {
        ObjectNode json = tree(OrderFixtures.GUEST);
        ((ObjectNode) json.get("extension_attributes")).remove("shipping_assignments");
        ((ObjectNode) json.get("billing_address")).putArray("street").add("9 Billing Road");

        Map<String, String> header = new OrderMapper(OrderFixtures.defaultProfile())
                .map(order(json), new OrderKey("default", "000000101"), Optional.empty()).header();

        assertThat(header).containsEntry("DELIVERYADDRESSSTREET", "9 Billing Road").containsEntry("DELIVERYMODECODE", "10");
    }

    @Test
    void decimalQuantitiesAndPricesAreInvariantWithoutGroupingOrExponent() {
        ObjectNode json = tree(OrderFixtures.GUEST);
        ((ObjectNode) json.get("items").get(0)).put("qty_ordered", new java.math.BigDecimal("1.5000"))
                .put("price", new java.math.BigDecimal("1234567.10")).put("discount_amount", new java.math.BigDecimal("1E+2"));
        json.put("discount_amount", -100);

        Map<String, String> first = new OrderMapper(OrderFixtures.defaultProfile())
                .map(order(json), new OrderKey("default", "000000101"), Optional.empty()).lines().get(0);

        assertThat(first).containsEntry("ORDEREDSALESQUANTITY", "1.5").containsEntry("SALESPRICE", "1234567.1")
                .containsEntry("LINEDISCOUNTAMOUNT", "100");
    }
}
