package io.github.d365bridge.flow.orders.mapping;

import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.order;
import static io.github.d365bridge.flow.orders.mapping.OrderFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.ground.ErrorClassifier;
import io.github.d365bridge.ground.PermanentFailureException;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.mapping.MappingProfile;

/** Every way an order can fail to map, each with the exact reason an operator reads. */
class OrderMappingErrorsTest {

    private static final OrderKey GUEST_KEY = new OrderKey("default", "000000101");
    private static final String SHIPPING_ADDRESS = "extension_attributes.shipping_assignments[0].shipping.address";

    private static OrderMappingException failure(MappingProfile profile, String fixture, OrderKey key,
            Optional<String> account, Consumer<ObjectNode> change) {
        ObjectNode json = tree(fixture);
        change.accept(json);
        return catchThrowableOfType(() -> new OrderMapper(profile).map(order(json), key, account),
                OrderMappingException.class);
    }

    private static OrderMappingException guestFailure(Consumer<ObjectNode> change) {
        return failure(OrderFixtures.defaultProfile(), OrderFixtures.GUEST, GUEST_KEY, Optional.empty(), change);
    }

    private static ObjectNode item(ObjectNode order, int index) {
        return (ObjectNode) order.get("items").get(index);
    }

    private static ObjectNode shippingAddress(ObjectNode order) {
        return (ObjectNode) order.at("/extension_attributes/shipping_assignments/0/shipping/address");
    }

    @Test
    void unknownStoreCode() {
        OrderMappingException e = failure(OrderFixtures.defaultProfile(), OrderFixtures.GUEST,
                new OrderKey("fr_fr", "000000101"), Optional.empty(), json -> { });

        assertThat(e).hasMessage("[BRIDGE] Order fr_fr:000000101: store: store code 'fr_fr' is not in the mapping profile"
                + " (stores.fr_fr)");
        assertThat(e.orderKey()).isEqualTo(new OrderKey("fr_fr", "000000101"));
        assertThat(e.field()).isEqualTo("store");
        assertThat(e).isInstanceOf(PermanentFailureException.class);
        assertThat(ErrorClassifier.isRetriable(e)).isFalse();
    }

    @Test
    void currencyMismatchAndMissingCurrency() {
        assertThat(failure(OrderFixtures.defaultProfile(), OrderFixtures.EU_STORE, new OrderKey("default", "2000000031"),
                Optional.of("US-001"), json -> { }))
                .hasMessage("[BRIDGE] Order default:2000000031: order_currency_code: 'EUR' is not the currency USD of"
                        + " store default (stores.default.currency)");
        assertThat(guestFailure(json -> json.remove("order_currency_code")))
                .hasMessage("[BRIDGE] Order default:000000101: order_currency_code: is missing");
    }

    @Test
    void noItemLines() {
        assertThat(guestFailure(json -> json.putArray("items")))
                .hasMessage("[BRIDGE] Order default:000000101: items: the order has no item lines");
    }

    @Test
    void skuWithoutItemNumberWhenTheProfileRequiresTheTable() {
        MappingProfile table = OrderFixtures.profile("items: {mode: table, table: {SB-SIMPLE-0003: \"1000\"}}");

        assertThat(failure(table, OrderFixtures.GUEST, GUEST_KEY, Optional.empty(), json -> { }))
                .hasMessage("[BRIDGE] Order default:000000101: items[1].sku: 'SB-SIMPLE-0007' has no item number in"
                        + " items.table (items.mode is table)");
        // a configurable's SKU is its child row's
        assertThat(failure(table, OrderFixtures.CONFIGURABLE, new OrderKey("default", "000000104"), Optional.of("US-005"),
                json -> { }))
                .hasMessage("[BRIDGE] Order default:000000104: items[1].sku: 'SB-CONF-0002-M' has no item number in"
                        + " items.table (items.mode is table)");
    }

    @Test
    void missingDeliveryAddressFields() {
        assertThat(guestFailure(json -> shippingAddress(json).remove("city")))
                .hasMessage("[BRIDGE] Order default:000000101: " + SHIPPING_ADDRESS + ".city: is missing; D365 needs it"
                        + " for the delivery address");
        assertThat(guestFailure(json -> shippingAddress(json).putArray("street").add(" ")))
                .hasMessage("[BRIDGE] Order default:000000101: " + SHIPPING_ADDRESS + ".street: is missing; D365 needs"
                        + " it for the delivery address");
        assertThat(guestFailure(json -> shippingAddress(json).remove("country_id")))
                .hasMessage("[BRIDGE] Order default:000000101: " + SHIPPING_ADDRESS + ".country_id: is missing; D365"
                        + " needs it for the delivery address");
        assertThat(guestFailure(json -> shippingAddress(json).put("country_id", "USA")))
                .hasMessage("[BRIDGE] Order default:000000101: " + SHIPPING_ADDRESS + ".country_id: 'USA' is not an"
                        + " ISO 3166 alpha-2 code");
        assertThat(guestFailure(json -> {
            ((ObjectNode) json.get("extension_attributes")).remove("shipping_assignments");
            json.remove("billing_address");
        })).hasMessage("[BRIDGE] Order default:000000101: " + SHIPPING_ADDRESS + ": the order has neither a shipping"
                + " nor a billing address");
    }

    @Test
    void customerOrCompanyWithoutAccountWhenTheProfileSaysFail() {
        assertThat(failure(OrderFixtures.defaultProfile(), OrderFixtures.REGISTERED, new OrderKey("default", "000000102"),
                Optional.empty(), json -> { }))
                .hasMessage("[BRIDGE] Order default:000000102: customer_id: customer 42 has no D365 customer account in"
                        + " usmf (customers.unresolvedCustomer is fail)");
        assertThat(failure(OrderFixtures.defaultProfile(), OrderFixtures.COMPANY, new OrderKey("default", "000000103"),
                Optional.of(" "), json -> { }))
                .hasMessage("[BRIDGE] Order default:000000103: extension_attributes.company_order_attributes.company_id:"
                        + " company 7 has no D365 customer account in usmf (customers.unresolvedCustomer is fail)");
        assertThat(failure(OrderFixtures.defaultProfile(), OrderFixtures.REGISTERED, new OrderKey("default", "000000102"),
                Optional.of("US-001"), json -> json.remove("customer_id")))
                .hasMessage("[BRIDGE] Order default:000000102: customer_id: a registered customer's order without"
                        + " customer_id");
    }

    @Test
    void productTypesTheMapperDoesNotHandle() {
        assertThat(guestFailure(json -> item(json, 0).put("product_type", "bundle")))
                .hasMessage("[BRIDGE] Order default:000000101: items[0].product_type: bundle item (sku 'SB-SIMPLE-0003')"
                        + " is not mapped: bundles need a D365 kit or BOM item decided by an operator");
        assertThat(guestFailure(json -> item(json, 1).put("product_type", "giftcard")))
                .hasMessage("[BRIDGE] Order default:000000101: items[1].product_type: 'giftcard' (sku 'SB-SIMPLE-0007')"
                        + " is not a product type the mapper handles (simple, virtual, downloadable, configurable)");
    }

    @Test
    void brokenParentChildRows() {
        OrderKey key = new OrderKey("default", "000000104");
        assertThat(failure(OrderFixtures.defaultProfile(), OrderFixtures.CONFIGURABLE, key, Optional.of("US-005"),
                json -> ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("items")).remove(1)))
                .hasMessage("[BRIDGE] Order default:000000104: items[0]: configurable item (sku 'SB-CONF-0002-M') has 0"
                        + " child rows, expected exactly 1 carrying the simple SKU");
        assertThat(failure(OrderFixtures.defaultProfile(), OrderFixtures.CONFIGURABLE, key, Optional.of("US-005"),
                json -> item(json, 1).put("parent_item_id", 999)))
                .hasMessage("[BRIDGE] Order default:000000104: items[1].parent_item_id: names item 999, which is not in"
                        + " the order");
    }

    @Test
    void amountsThatCannotBeImported() {
        assertThat(guestFailure(json -> item(json, 1).put("qty_ordered", 0)))
                .hasMessage("[BRIDGE] Order default:000000101: items[1].qty_ordered: must be a positive quantity, got 0");
        assertThat(guestFailure(json -> item(json, 0).remove("price")))
                .hasMessage("[BRIDGE] Order default:000000101: items[0].price: must be a price of zero or more, got null");
        assertThat(failure(OrderFixtures.defaultProfile(), OrderFixtures.CONFIGURABLE, new OrderKey("default", "000000104"),
                Optional.of("US-005"), json -> json.put("discount_amount", -40)))
                .hasMessage("[BRIDGE] Order default:000000104: discount_amount: the order discount 40 does not match the"
                        + " items' discounts 9.25 plus at most the shipping amount 15");
        assertThat(guestFailure(json -> json.put("created_at", "14/03/2026")))
                .hasMessage("[BRIDGE] Order default:000000101: created_at: '14/03/2026' is not a Commerce date-time");
    }
}
