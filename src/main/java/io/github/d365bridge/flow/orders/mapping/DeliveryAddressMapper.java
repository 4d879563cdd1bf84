package io.github.d365bridge.flow.orders.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.sales.OrderAddress;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.ground.Json;

/**
 * The order's delivery address as order-specific header fields, so D365 ships to this address without
 * touching the customer record (guest orders share one account). Orders without a shipping assignment
 * (virtual items only) use the billing address. Street lines are joined with a line break, as D365
 * stores a multi-line street; names and streets pass through unchanged.
 */
final class DeliveryAddressMapper {

    private static final String SHIPPING_FIELD = "extension_attributes.shipping_assignments[0].shipping.address";

    private DeliveryAddressMapper() {
    }

    static void map(OrderKey key, Order order, Map<String, String> header) {
        JsonNode shipping = order.shippingAddress();
        String field = shipping != null && shipping.isObject() ? SHIPPING_FIELD : "billing_address";
        OrderAddress address = shipping != null && shipping.isObject() ? read(key, shipping) : order.billingAddress();
        if (address == null) {
            throw new OrderMappingException(key, SHIPPING_FIELD, "the order has neither a shipping nor a billing address");
        }
        String street = address.street() == null ? "" : address.street().stream().filter(Objects::nonNull)
                .filter(line -> !line.isBlank()).collect(Collectors.joining("\n"));
        require(key, field + ".street", street);
        require(key, field + ".city", address.city());
        require(key, field + ".country_id", address.countryId());
        String name = personName(address.firstname(), address.lastname());
        if (name.isEmpty()) {
            name = D365Values.text(address.company());
        }
        require(key, field + ".lastname", name);
        header.put(SalesOrderFields.ADDRESS_NAME, name);
        header.put(SalesOrderFields.ADDRESS_STREET, street);
        header.put(SalesOrderFields.ADDRESS_CITY, address.city());
        header.put(SalesOrderFields.ADDRESS_ZIP, D365Values.text(address.postcode()));
        header.put(SalesOrderFields.ADDRESS_STATE, D365Values.text(address.regionCode()));
        header.put(SalesOrderFields.ADDRESS_COUNTRY, iso3(key, field, address.countryId()));
        header.put(SalesOrderFields.ADDRESS_COUNTRY_ISO, address.countryId());
        header.put(SalesOrderFields.ADDRESS_ORDER_SPECIFIC, "Yes");
    }

    static String personName(String first, String last) {
        return List.of(D365Values.text(first), D365Values.text(last)).stream().filter(s -> !s.isBlank())
                .collect(Collectors.joining(" "));
    }

    /**
     * D365's standard country/region ids are ISO 3166 alpha-3 ({@code USA}, {@code DEU}); Commerce sends
     * alpha-2. The alpha-2 code also goes in {@code DeliveryAddressCountryRegionISOCode}.
     */
    private static String iso3(OrderKey key, String field, String iso2) {
        if (!iso2.matches("[A-Z]{2}")) {
            throw new OrderMappingException(key, field + ".country_id", "'" + iso2 + "' is not an ISO 3166 alpha-2 code");
        }
        try {
            return new Locale("", iso2).getISO3Country();
        } catch (MissingResourceException e) {
            throw new OrderMappingException(key, field + ".country_id", "'" + iso2 + "' is not a known country code");
        }
    }

    private static void require(OrderKey key, String field, String value) {
        if (D365Values.isBlank(value)) {
            throw new OrderMappingException(key, field, "is missing; D365 needs it for the delivery address");
        }
    }

    private static OrderAddress read(OrderKey key, JsonNode node) {
        try {
            return Json.mapper().treeToValue(node, OrderAddress.class);
        } catch (JsonProcessingException e) {
            throw new OrderMappingException(key, SHIPPING_FIELD, "is not an order address: " + e.getOriginalMessage());
        }
    }
}
