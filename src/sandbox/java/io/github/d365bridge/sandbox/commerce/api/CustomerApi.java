package io.github.d365bridge.sandbox.commerce.api;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;

/**
 * {@code /V1/customers}: create (e-mail unique per website, the default account-sharing scope),
 * update, search. Addresses get ids and the default billing/shipping pointers Commerce keeps on
 * the customer.
 */
public final class CustomerApi {

    static final String ACL = "Magento_Customer::manage";
    static final String DUPLICATE = "A customer with the same email address already exists in an associated website.";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final CommerceSandboxData data;
    private final boolean inputLimits;
    private int nextAddressId = 1;

    public CustomerApi(CommerceSandboxData data, boolean inputLimits) {
        this.data = data;
        this.inputLimits = inputLimits;
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/customers", ACL, List.of("customer"), this::create));
        routes.add(new Route("PUT", "/V1/customers/{customerId}", ACL, List.of("customer"), this::update));
        routes.add(new Route("GET", "/V1/customers/search", ACL, List.of(), call ->
                SearchExecutor.search(data.customerTable().all(), "id", SearchRequest.parse(call.query(), inputLimits))));
        routes.add(new Route("GET", "/V1/customers/{customerId}", ACL, List.of(), call ->
                data.customerTable().get(call.pathInt("customerId"))
                        .orElseThrow(() -> Nodes.noSuchEntity("customerId", call.path("customerId")))));
    }

    private Object create(ApiCall call) {
        ObjectNode customer = Nodes.object(call.member("customer"), "customer");
        customer.remove("id");
        validate(customer);
        int websiteId = Nodes.intValue(customer, "website_id", call.store().global() ? 1 : call.store().websiteId());
        int storeId = Nodes.intValue(customer, "store_id", call.store().global() ? 1 : call.store().storeId());
        checkUnique(customer.get("email").asText(), websiteId, -1);
        customer.put("website_id", websiteId).put("store_id", storeId);
        customer.put("group_id", Nodes.intValue(customer, "group_id", 1));
        customer.put("created_in", data.storeView(storeId).map(s -> s.name()).orElse("Default Store View"));
        customer.put("created_at", data.now()).put("updated_at", data.now());
        customer.put("disable_auto_group_change", Nodes.intValue(customer, "disable_auto_group_change", 0));
        int id = data.customerTable().insert(customer);
        applyAddresses(customer, id, customer.get("addresses"));
        return customer;
    }

    private Object update(ApiCall call) {
        int id = call.pathInt("customerId");
        ObjectNode existing = data.customerTable().get(id).orElseThrow(() -> Nodes.noSuchEntity("customerId", id));
        ObjectNode changes = Nodes.object(call.member("customer"), "customer");
        if (changes.has("id") && changes.get("id").asInt() != id) {
            throw CommerceException.badRequest("The customer ID in the request body doesn't match the customer ID in the URL.");
        }
        ObjectNode merged = existing.deepCopy();
        changes.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("addresses")) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        validate(merged);
        checkUnique(merged.get("email").asText(), merged.path("website_id").asInt(), id);
        merged.put("id", id).put("updated_at", data.now());
        if (changes.has("addresses")) {
            applyAddresses(merged, id, changes.get("addresses"));
        }
        existing.removeAll();
        existing.setAll(merged);
        return existing;
    }

    private void validate(ObjectNode customer) {
        for (String field : List.of("email", "firstname", "lastname")) {
            Nodes.requiredText(customer, field);
        }
        String email = customer.get("email").asText();
        if (!EMAIL.matcher(email).matches()) {
            throw Nodes.invalidValue("email", email);
        }
    }

    private void checkUnique(String email, int websiteId, int selfId) {
        boolean taken = data.customerTable().all().stream().anyMatch(c -> c.path("id").asInt() != selfId
                && c.path("website_id").asInt() == websiteId && c.path("email").asText().equalsIgnoreCase(email));
        if (taken) {
            throw CommerceException.of(400, DUPLICATE);
        }
    }

    private void applyAddresses(ObjectNode customer, int customerId, JsonNode addresses) {
        customer.remove("default_billing");
        customer.remove("default_shipping");
        ArrayNode stored = customer.putArray("addresses");
        if (addresses == null || !addresses.isArray()) {
            return;
        }
        for (JsonNode input : addresses) {
            ObjectNode address = Nodes.object(input, "addresses");
            int addressId = address.has("id") ? address.get("id").asInt() : nextAddressId++;
            address.put("id", addressId).put("customer_id", customerId);
            if (address.path("default_billing").asBoolean(false)) {
                customer.put("default_billing", String.valueOf(addressId));
            }
            if (address.path("default_shipping").asBoolean(false)) {
                customer.put("default_shipping", String.valueOf(addressId));
            }
            stored.add(address);
        }
    }
}
