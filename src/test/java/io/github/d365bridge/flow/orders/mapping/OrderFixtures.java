package io.github.d365bridge.flow.orders.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.ground.Json;

/** Commerce order fixtures (as {@code GET /V1/orders/{id}} answers) and profiles for the mapper tests. */
final class OrderFixtures {

    static final String GUEST = "guest-order.json";
    static final String REGISTERED = "registered-customer-order.json";
    static final String COMPANY = "b2b-company-order.json";
    static final String CONFIGURABLE = "configurable-discount-order.json";
    static final String EU_STORE = "eu-store-order.json";

    private OrderFixtures() {
    }

    static Order order(String name) {
        try {
            return Json.mapper().treeToValue(tree(name), Order.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as JSON, to be changed by a test and then read with {@link #order(ObjectNode)}. */
    static ObjectNode tree(String name) {
        try (InputStream in = OrderFixtures.class.getClassLoader().getResourceAsStream("fixtures/orders/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Order order(ObjectNode tree) {
        try {
            return Json.mapper().treeToValue(tree, Order.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MappingProfile defaultProfile() {
        return MappingProfileLoader.load(Optional.empty());
    }

    static MappingProfile profile(String override) {
        return MappingProfileLoader.withOverride(override, "test override");
    }

    /** A row from alternating field names and values, in the order given. */
    static Map<String, String> row(String... namesAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }
}
