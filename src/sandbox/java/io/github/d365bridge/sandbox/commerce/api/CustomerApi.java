package io.github.d365bridge.sandbox.commerce.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.sandbox.commerce.data.ProductCatalog;
import io.github.d365bridge.sandbox.commerce.http.ApiCall;
import io.github.d365bridge.sandbox.commerce.http.CommerceException;
import io.github.d365bridge.sandbox.commerce.http.Route;
import io.github.d365bridge.sandbox.commerce.http.RouteTable;
import io.github.d365bridge.sandbox.commerce.search.SearchExecutor;
import io.github.d365bridge.sandbox.commerce.search.SearchRequest;

/**
 * {@code /V1/customers}: create ({@code AccountManagement::createAccount}), update
 * ({@code CustomerRepository::save}), read and search, with Magento's checks (see {@link CustomerRules}
 * and {@link AddressRules}). E-mails are unique per website (the default account-sharing scope) and
 * found through an index. An update must carry e-mail, first and last name again, as in Commerce
 * (issue magento2#7545); other fields it leaves out keep their values, and addresses are replaced only
 * when it sends {@code addresses}.
 */
public final class CustomerApi {

    static final String ACL = "Magento_Customer::manage";
    static final String DUPLICATE = CustomerRules.DUPLICATE;

    private final CommerceSandboxData data;
    private final boolean inputLimits;
    private final CustomerRules rules;
    private int nextAddressId = 1;

    public CustomerApi(CommerceSandboxData data, boolean inputLimits) {
        this.data = data;
        this.inputLimits = inputLimits;
        this.rules = new CustomerRules(data);
    }

    public void register(RouteTable routes) {
        routes.add(new Route("POST", "/V1/customers", ACL, List.of("customer"), this::create));
        routes.add(new Route("PUT", "/V1/customers/{customerId}", ACL, List.of("customer"), this::update));
        routes.add(new Route("GET", "/V1/customers/search", ACL, List.of(), call ->
                SearchExecutor.search(data.customerTable(), SearchRequest.parse(call.query(), inputLimits))));
        routes.add(new Route("GET", "/V1/customers/{customerId}", ACL, List.of(), call ->
                data.customerTable().get(call.pathInt("customerId"))
                        .orElseThrow(() -> Nodes.noSuchEntity("customerId", call.path("customerId")))));
    }

    private Object create(ApiCall call) {
        ObjectNode customer = Nodes.object(call.member("customer"), "customer");
        JsonNode password = call.body().get("password");
        if (password != null && !password.isNull()) {
            CustomerRules.checkPassword(password.asText(), customer.path("email").asText());
        }
        customer.remove("id");
        rules.resolveScope(customer, call.store());
        rules.checkGroup(customer);
        int websiteId = customer.get("website_id").asInt();
        rules.checkAccount(customer, websiteId, -1);
        JsonNode addresses = customer.remove("addresses");
        ArrayNode kept = customer.arrayNode();
        if (addresses != null && addresses.isArray()) {
            for (JsonNode address : addresses) {
                if (AddressRules.allowedOnCreate(address)) {
                    ObjectNode checked = Nodes.object(address, "addresses");
                    AddressRules.check(checked);
                    kept.add(checked);
                }
            }
        }
        int group = Nodes.intValue(customer, "group_id", 0);
        customer.put("group_id", group == 0 ? 1 : group);
        customer.put("created_in", data.storeView(customer.get("store_id").asInt()).map(s -> s.name()).orElse(""));
        customer.put("created_at", data.now()).put("updated_at", data.now());
        customer.put("disable_auto_group_change", Nodes.intValue(customer, "disable_auto_group_change", 0));
        customer.remove("default_billing");
        customer.remove("default_shipping");
        int id = data.customerTable().insert(customer);
        applyAddresses(customer, id, kept, Set.of());
        data.customerTable().put(id, customer);
        return customer;
    }

    private Object update(ApiCall call) {
        int id = call.pathInt("customerId");
        ObjectNode changes = Nodes.object(call.member("customer"), "customer");
        if (changes.has("id") && !changes.get("id").isNull() && changes.get("id").asInt() != id) {
            throw CommerceException.badRequest("The customer ID in the request body doesn't match the customer ID in the URL.");
        }
        ObjectNode existing = data.customerTable().get(id).orElseThrow(() -> Nodes.noSuchEntity("customerId", id));
        checkDefaultAddress(changes, "default_billing");
        checkDefaultAddress(changes, "default_shipping");
        rules.checkGroup(changes);
        int websiteId = Nodes.intValue(changes, "website_id", existing.path("website_id").asInt());
        rules.checkAccount(changes, websiteId, id);
        JsonNode addresses = changes.remove("addresses");
        if (addresses != null && addresses.isArray()) {
            for (JsonNode address : addresses) {
                AddressRules.check(Nodes.object(address, "addresses"));
            }
        }
        ObjectNode merged = existing.deepCopy();
        changes.fields().forEachRemaining(f -> {
            switch (f.getKey()) {
                case "custom_attributes" -> ProductCatalog.mergeCustomAttributes(merged, f.getValue());
                // company_attributes live in their own table: an update that leaves them out keeps them
                case "extension_attributes" -> f.getValue().fields()
                        .forEachRemaining(e -> merged.with("extension_attributes").set(e.getKey(), e.getValue()));
                case "group_id", "store_id", "website_id" -> {
                    if (Nodes.intValue(changes, f.getKey(), 0) != 0) {
                        merged.set(f.getKey(), f.getValue());
                    }
                }
                default -> merged.set(f.getKey(), f.getValue());
            }
        });
        merged.put("id", id).put("updated_at", data.now());
        if (addresses != null && addresses.isArray()) {
            Set<Integer> known = new LinkedHashSet<>();
            existing.path("addresses").forEach(a -> known.add(a.path("id").asInt()));
            ArrayNode checked = merged.arrayNode();
            addresses.forEach(a -> checked.add(Nodes.object(a, "addresses")));
            applyAddresses(merged, id, checked, known);
            for (String pointer : List.of("default_billing", "default_shipping")) {
                // a default named by id (checked above) counts as much as the flag on the address
                String addressId = Nodes.text(changes, pointer);
                if (addressId != null && !addressId.isEmpty()) {
                    merged.put(pointer, addressId);
                }
            }
        }
        data.customerTable().put(id, merged);
        return merged;
    }

    /**
     * {@code CustomerRepository::validateDefaultAddress}: a default billing/shipping id sent with
     * addresses must be the id of one of them.
     */
    private static void checkDefaultAddress(ObjectNode customer, String field) {
        String pointer = Nodes.text(customer, field);
        JsonNode addresses = customer.get("addresses");
        if (pointer == null || pointer.isEmpty() || addresses == null || !addresses.isArray() || addresses.isEmpty()) {
            return;
        }
        for (JsonNode address : addresses) {
            if (address.path("id").asText().equals(pointer)) {
                return;
            }
        }
        throw CommerceException.named(400, "The %fieldName value is invalid. Set the correct value and try again.",
                java.util.Map.of("fieldName", field));
    }

    /**
     * Stores the addresses with ids (an id the customer already had is kept, any other is new) and
     * points default billing/shipping at the addresses flagged so.
     */
    private void applyAddresses(ObjectNode customer, int customerId, ArrayNode addresses, Set<Integer> known) {
        customer.remove("default_billing");
        customer.remove("default_shipping");
        ArrayNode stored = customer.putArray("addresses");
        for (JsonNode input : addresses) {
            ObjectNode address = (ObjectNode) input;
            int addressId = address.has("id") && known.contains(address.get("id").asInt()) ? address.get("id").asInt()
                    : nextAddressId++;
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
