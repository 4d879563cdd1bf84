package io.github.d365bridge.sandbox.commerce.orders;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.sandbox.commerce.data.CommerceSandboxData;
import io.github.d365bridge.ground.Json;

/**
 * The store's starting catalogue and customer base, the same for the same seed: simple products,
 * configurable products with size children (linked, each child with its {@code size} option, the parent
 * with a {@code size} option labelled as the attribute is), registered customers on both websites, and B2B
 * companies whose admins are among those customers. Written straight into the tables (the API
 * handlers' rules are not needed for data known to be valid).
 */
public final class SeedCatalog {

    static final String[] FIRST = {"Anna", "Ben", "Chloé", "Dario", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kai", "Lena"};
    static final String[] LAST = {"Andersen", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Horvat", "Ivanova", "Jensen"};
    static final String[] CITIES = {"Austin", "Berlin", "Lyon", "Madrid", "Oslo", "Porto", "Seattle", "Denver"};
    private static final String[] WORDS = {"Trail", "Urban", "Summit", "Coastal", "Nordic", "Classic", "Pro", "Daily"};
    private static final String[] GOODS = {"Backpack", "Jacket", "Bottle", "Lamp", "Mug", "Scarf", "Tent", "Watch"};

    private SeedCatalog() {
    }

    /** Seeds products, customers and companies; returns nothing, the tables hold it. */
    public static void seed(CommerceSandboxData data, long seed, int products, int customers) {
        Random random = new Random(seed);
        int configurables = Math.max(1, products / 4);
        for (int i = 1; i <= products - configurables; i++) {
            String name = WORDS[random.nextInt(WORDS.length)] + " " + GOODS[random.nextInt(GOODS.length)] + " " + i;
            product(data, String.format("SB-SIMPLE-%03d", i), name, "simple", 5 + random.nextInt(20000) / 100.0, 4);
        }
        for (int i = 1; i <= configurables; i++) {
            String parent = String.format("SB-CONF-%02d", i);
            String name = WORDS[random.nextInt(WORDS.length)] + " " + GOODS[random.nextInt(GOODS.length)];
            double price = 20 + random.nextInt(15000) / 100.0;
            int parentId = product(data, parent, name, "configurable", price, 4).get("id").asInt();
            var sizes = data.attributeCatalog().byCode("size").orElseThrow();
            data.configurableCatalog().addOption(parent, sizes.id(), sizes.label(), 0, parentId);
            List<Integer> children = new java.util.ArrayList<>();
            for (String size : List.of("S", "M", "L")) {
                ObjectNode child = product(data, parent + "-" + size, name + "-" + size, "simple", price, 1);
                int option = sizes.options().stream().filter(o -> o.label().equals(size)).findFirst().orElseThrow().id();
                child.putArray("custom_attributes").addObject().put("attribute_code", "size").put("value", String.valueOf(option));
                children.add(child.get("id").asInt());
            }
            data.configurableCatalog().setChildren(parent, children);
        }
        for (int i = 1; i <= customers; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            int website = i % 3 == 0 ? 2 : 1;
            ObjectNode customer = Json.mapper().createObjectNode()
                    .put("email", (first + "." + last + i + "@example.com").toLowerCase().replace("é", "e").replace("í", "i"))
                    .put("firstname", first).put("lastname", last).put("group_id", i % 4 == 0 ? 2 : 1)
                    .put("website_id", website).put("store_id", website).put("created_in", website == 1 ? "Default Store View" : "EU English")
                    .put("created_at", data.now()).put("updated_at", data.now()).put("disable_auto_group_change", 0);
            customer.putArray("addresses");
            data.customerTable().insert(customer);
        }
        int companies = Math.min(2, customers);
        for (int adminId = 1; adminId <= companies; adminId++) {
            ObjectNode admin = data.customerTable().get(adminId).orElseThrow();
            ObjectNode company = Json.mapper().createObjectNode().put("status", 1)
                    .put("company_name", admin.get("lastname").asText() + " Trading " + admin.get("id").asInt())
                    .put("legal_name", admin.get("lastname").asText() + " Trading Ltd").put("company_email", admin.get("email").asText())
                    .put("city", CITIES[random.nextInt(CITIES.length)]).put("country_id", "US")
                    .put("region_id", "57").put("postcode", "78701").put("telephone", "+1 512 555 0100")
                    .put("customer_group_id", 2).put("sales_representative_id", 1).put("reject_reason", "").put("rejected_at", "")
                    .put("super_user_id", admin.get("id").asInt());
            company.putArray("street").add("1 Commerce Way");
            int id = data.companyTable().insert(company);
            data.creditTable().insert(io.github.d365bridge.sandbox.commerce.api.CompanyCreditApi.newCredit(data, id));
            admin.with("extension_attributes").with("company_attributes")
                    .put("customer_id", admin.get("id").asInt()).put("company_id", id).put("status", 1);
            data.customerTable().put(adminId, admin);
        }
    }

    private static ObjectNode product(CommerceSandboxData data, String sku, String name, String type, double price, int visibility) {
        ObjectNode product = Json.mapper().createObjectNode().put("sku", sku).put("name", name).put("attribute_set_id", 4)
                .put("price", Math.round(price * 100) / 100.0).put("status", 1).put("visibility", visibility).put("type_id", type)
                .put("weight", 1).put("created_at", data.now()).put("updated_at", data.now());
        product.with("extension_attributes").putArray("website_ids").add(1).add(2);
        ObjectNode stored = data.catalog().create(product);
        int id = stored.get("id").asInt();
        ObjectNode stock = Json.mapper().createObjectNode().put("qty", 100).put("is_in_stock", true);
        stored.with("extension_attributes").set("stock_item", io.github.d365bridge.sandbox.commerce.api.StockItemsAccess.full(stock, id));
        return stored;
    }
}
