package io.github.d365bridge.flow.orders.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.flow.orders.OrderKey;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.StoreMapping;

/**
 * Maps a Commerce order to D365 sales order package rows, as the {@link MappingProfile} says. Pure: no
 * I/O, no clock; the customer account comes in already resolved. Use:
 *
 * <pre>{@code
 * Optional<String> account = mapper.customerReference(order, key)
 *         .flatMap(reference -> resolver.accountFor(reference, order.customerEmail()));
 * MappedOrder mapped = mapper.map(order, key, account);
 * }</pre>
 *
 * Any gap fails this order with an {@link OrderMappingException} naming the order key and the field.
 */
public final class OrderMapper {

    private final MappingProfile profile;

    public OrderMapper(MappingProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** Whom the flow should look up in the cross-reference; empty for guests. */
    public Optional<CustomerReference> customerReference(Order order, OrderKey key) {
        return CustomerAccounts.reference(order, store(key).legalEntity(), profile.customers());
    }

    /**
     * @param resolvedAccount the D365 account the cross-reference gave for {@link #customerReference}, or
     *                        empty (guest, or not known: the profile's {@code customers} rules decide)
     */
    public MappedOrder map(Order order, OrderKey key, Optional<String> resolvedAccount) {
        StoreMapping store = store(key);
        String legalEntity = store.legalEntity();
        String currency = order.orderCurrencyCode();
        if (D365Values.isBlank(currency)) {
            throw new OrderMappingException(key, "order_currency_code", "is missing");
        }
        if (!currency.equals(store.currency())) {
            throw new OrderMappingException(key, "order_currency_code", "'" + currency + "' is not the currency "
                    + store.currency() + " of store " + key.storeCode() + " (stores." + key.storeCode() + ".currency)");
        }
        String orderNumber = placeholder(key);
        String account = CustomerAccounts.account(key, order, legalEntity, profile.customers(), resolvedAccount);
        Map<String, String> header = new HashMap<>();
        header.put(SalesOrderFields.SALES_ORDER_NUMBER, orderNumber);
        header.put(SalesOrderFields.ORDER_REFERENCE, key.toString());
        header.put(SalesOrderFields.ORDERING_ACCOUNT, account);
        header.put(SalesOrderFields.INVOICE_ACCOUNT, account);
        header.put(SalesOrderFields.CURRENCY, currency);
        header.put(SalesOrderFields.LANGUAGE, store.languageId());
        header.put(SalesOrderFields.REQUESTED_SHIPPING_DATE, D365Values.date(order.createdAt()).orElseThrow(() ->
                new OrderMappingException(key, "created_at", "'" + order.createdAt() + "' is not a Commerce date-time")));
        header.put(SalesOrderFields.DELIVERY_MODE, profile.deliveryModes().map(shippingMethod(order)));
        header.put(SalesOrderFields.PAYMENT_METHOD,
                profile.paymentMethods().map(order.payment() == null ? null : order.payment().method()));
        header.put(SalesOrderFields.REQUISITION, order.payment() == null ? "" : D365Values.text(order.payment().poNumber()));
        header.put(SalesOrderFields.WAREHOUSE, store.warehouseId().orElse(""));
        header.put(SalesOrderFields.SITE, store.siteId().orElse(""));
        header.put(SalesOrderFields.EMAIL, D365Values.text(order.customerEmail()));
        header.put(SalesOrderFields.ORDER_NAME,
                DeliveryAddressMapper.personName(order.customerFirstname(), order.customerLastname()));
        DeliveryAddressMapper.map(key, order, header);
        return new MappedOrder(key, legalEntity, header, OrderLineMapper.map(key, order, profile, store, orderNumber));
    }

    /**
     * The package-local order number: the header and its lines share it, D365 numbers the order itself.
     * Derived from the order key so a re-mapped order gets the same one; hashed because the key can be
     * longer than the 20 characters of {@code SalesOrderNumber}.
     */
    static String placeholder(OrderKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "CO-" + HexFormat.of().withUpperCase().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private StoreMapping store(OrderKey key) {
        return profile.store(key.storeCode()).orElseThrow(() -> new OrderMappingException(key, "store",
                "store code '" + key.storeCode() + "' is not in the mapping profile (stores." + key.storeCode() + ")"));
    }

    private static String shippingMethod(Order order) {
        if (order.extensionAttributes() == null) {
            return null;
        }
        JsonNode method = order.extensionAttributes().path("shipping_assignments").path(0).path("shipping").path("method");
        return method.isTextual() ? method.asText() : null;
    }
}
