package io.github.d365bridge.sandbox.commerce.orders;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions.StoreView;
import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.ground.Json;

/** Chooses who places an order and writes the customer columns and the billing address. */
final class Buyers {

    private Buyers() {
    }

    /** @return the customer row, or a blank node for a guest; company buyers are company members */
    static ObjectNode pick(CommerceSandboxData data, Random random, OrderKind kind, StoreView store) {
        OrderKind chosen = kind == OrderKind.MIXED ? List.of(OrderKind.GUEST, OrderKind.CUSTOMER, OrderKind.COMPANY)
                .get(random.nextInt(3)) : kind;
        if (chosen == OrderKind.COMPANY) {
            // company buyers are company admins, the members the sandbox tracks: one per company
            int[] companies = data.companyTable().ids();
            if (companies.length == 0) {
                return Json.mapper().createObjectNode();
            }
            int admin = data.companyTable().get(companies[random.nextInt(companies.length)]).orElseThrow()
                    .path("super_user_id").asInt();
            return data.customerTable().get(admin).orElseGet(() -> Json.mapper().createObjectNode());
        }
        int[] pool = chosen == OrderKind.CUSTOMER
                ? data.customerTable().idsWhere("website_id", String.valueOf(store.websiteId())) : new int[0];
        if (chosen == OrderKind.CUSTOMER && pool.length == 0) {
            pool = data.customerTable().ids();
        }
        if (chosen == OrderKind.GUEST || pool.length == 0) {
            return Json.mapper().createObjectNode();
        }
        return data.customerTable().get(pool[random.nextInt(pool.length)]).orElseThrow();
    }

    static void apply(ObjectNode order, ObjectNode customer, Random random) {
        boolean guest = !customer.has("id");
        String first = guest ? SeedCatalog.FIRST[random.nextInt(SeedCatalog.FIRST.length)] : customer.get("firstname").asText();
        String last = guest ? SeedCatalog.LAST[random.nextInt(SeedCatalog.LAST.length)] : customer.get("lastname").asText();
        String email = guest ? ("guest." + first + "." + last + random.nextInt(10000) + "@example.org").toLowerCase()
                .replace("é", "e").replace("í", "i") : customer.get("email").asText();
        order.put("customer_email", email).put("customer_firstname", first).put("customer_lastname", last)
                .put("customer_is_guest", guest ? 1 : 0).put("customer_group_id", guest ? 0 : customer.path("group_id").asInt(1))
                .put("customer_note_notify", 1);
        if (!guest) {
            order.put("customer_id", customer.get("id").asInt());
        }
        String city = SeedCatalog.CITIES[random.nextInt(SeedCatalog.CITIES.length)];
        boolean eu = order.get("order_currency_code").asText().equals("EUR");
        ObjectNode billing = Json.mapper().createObjectNode().put("address_type", "billing").put("firstname", first)
                .put("lastname", last).put("email", email).put("city", city)
                .put("postcode", eu ? "1010" + random.nextInt(10) : "787" + (10 + random.nextInt(89)))
                .put("country_id", eu ? "DE" : "US").put("telephone", "+1 555 01" + (10 + random.nextInt(89)));
        if (eu) {
            billing.put("region", "Berlin").put("region_code", "BER").put("region_id", 82);
        } else {
            billing.put("region", "Texas").put("region_code", "TX").put("region_id", 57);
        }
        billing.putArray("street").add((1 + random.nextInt(200)) + " Market Street").add("Suite " + (1 + random.nextInt(40)));
        int companyId = customer.path("extension_attributes").path("company_attributes").path("company_id").asInt(0);
        if (companyId > 0) {
            billing.put("company", "Company " + companyId).put("vat_id", (eu ? "DE" : "US") + (100000000 + random.nextInt(899999999)));
            order.with("extension_attributes").putObject("company_order_attributes")
                    .put("company_id", companyId).put("company_name", companyName(customer, companyId));
        }
        if (customer.hasNonNull("taxvat")) {
            order.put("customer_taxvat", customer.get("taxvat").asText());
        }
        order.set("billing_address", billing);
    }

    private static String companyName(ObjectNode customer, int companyId) {
        return customer.path("lastname").asText() + " Trading " + customer.path("id").asInt();
    }
}
