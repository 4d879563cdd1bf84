package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.FakeCommerce.Reply;
import io.github.d365bridge.client.commerce.catalog.Product;
import io.github.d365bridge.client.commerce.catalog.ProductLink;
import io.github.d365bridge.client.commerce.company.Company;
import io.github.d365bridge.client.commerce.customer.Customer;
import io.github.d365bridge.client.commerce.inventory.SourceItem;
import io.github.d365bridge.client.commerce.inventory.StockItem;
import io.github.d365bridge.client.commerce.sales.InvoiceRequest;
import io.github.d365bridge.client.commerce.sales.LineQuantity;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.sales.OrderComment;
import io.github.d365bridge.client.commerce.sales.ShipmentRequest;
import io.github.d365bridge.client.commerce.sales.ShipmentTrack;

/** Each operation's method, path (store scope, encoded segments), body and answer reading. */
class CommerceOperationsTest {

    private FakeCommerce fake;
    private CommerceClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeCommerce();
        client = TestClients.oauth(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void customersAreWrittenWithContractNamesAndWithoutNulls() {
        fake.answer(r -> Reply.ok("{\"id\":77,\"email\":\"a@example.com\",\"website_id\":1,\"group_id\":2,\"new_field\":1}"));
        Customer created = client.inStore("b2b_en").customers().create(Customer.of("a@example.com", "Ann", "Lee", 1, 2),
                Optional.empty());
        client.customers().update(77, Customer.of("a@example.com", "Ann", "Lee", 1, 3));

        assertThat(created.id()).isEqualTo(77);
        assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /rest/b2b_en/V1/customers", "PUT /rest/default/V1/customers/77");
        assertThat(fake.requests().get(0).body()).isEqualTo("{\"customer\":{\"group_id\":2,\"email\":\"a@example.com\","
                + "\"firstname\":\"Ann\",\"lastname\":\"Lee\",\"website_id\":1}}");
        assertThat(fake.requests().get(1).json().at("/customer/id").asLong()).isEqualTo(77);
    }

    @Test
    void everyCallCarriesTheCorrelationIdInScope() {
        fake.answer(r -> Reply.ok("true"));
        try (io.github.d365bridge.ground.Correlation.Scope scope =
                io.github.d365bridge.ground.Correlation.open("corr-order-000123")) {
            client.orders().addComment(5, OrderComment.internal("x", null));
        }
        assertThat(fake.requests().get(0).header("x-correlation-id")).isEqualTo("corr-order-000123");
        assertThat(fake.requests().get(0).header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void companiesUseTheirTrailingSlashRoute() {
        fake.answer(r -> Reply.ok("{\"id\":3,\"company_name\":\"Contoso\",\"super_user_id\":77}"));
        Company company = new Company(null, Company.STATUS_APPROVED, "Contoso", "Contoso Ltd", "info@contoso.example", null,
                null, null, List.of("1 Main St"), "Springfield", "US", "Texas", "57", "75001", "555", 1, null, 77L, null);
        assertThat(client.companies().create(company).id()).isEqualTo(3);
        client.companies().update(3, company);
        assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /rest/default/V1/company/", "PUT /rest/default/V1/company/3");
        assertThat(fake.requests().get(0).json().at("/company/company_name").asText()).isEqualTo("Contoso");
        assertThat(fake.requests().get(1).json().at("/company/id").asLong()).isEqualTo(3);
    }

    @Test
    void productWritesGoGlobalAndSkusStayOnePathSegment() {
        fake.answer(r -> Reply.ok("{\"id\":9,\"sku\":\"A/B 10%\",\"price\":9.99}"));
        Product product = Product.simple("A/B 10%", "Odd SKU", new BigDecimal("9.99"), Product.STATUS_ENABLED, 4);
        client.products().save(product);
        client.products().create(product);
        assertThat(client.inStore("fr").products().get("A/B 10%")).get().extracting(Product::price)
                .isEqualTo(new BigDecimal("9.99"));
        fake.answer(r -> Reply.ok("true"));
        client.products().saveLinks("A/B 10%", List.of(new ProductLink("A/B 10%", "related", "S2", "simple", 1)));

        assertThat(fake.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "PUT /rest/all/V1/products/A%2FB%2010%25", "POST /rest/all/V1/products",
                "GET /rest/fr/V1/products/A%2FB%2010%25", "POST /rest/all/V1/products/A%2FB%2010%25/links");
        assertThat(fake.requests().get(0).json().get("saveOptions").asBoolean()).isTrue();
        assertThat(fake.requests().get(0).json().at("/product/attribute_set_id").asInt()).isEqualTo(4);
        assertThat(fake.requests().get(3).json().at("/items/0/linked_product_sku").asText()).isEqualTo("S2");
    }

    @Test
    void stockIsWrittenAsSourceItemsOrLegacyStockItems() {
        fake.answer(r -> r.path().contains("source-items") ? Reply.ok("[]") : Reply.ok("12"));
        client.inventory().saveSourceItems(List.of(new SourceItem("S1", "wh-east", new BigDecimal("12"), SourceItem.IN_STOCK)));
        long itemId = client.inventory().updateStockItem("S1", 5, StockItem.of(new BigDecimal("10"), true));

        assertThat(itemId).isEqualTo(12);
        assertThat(fake.requests().get(0).body()).isEqualTo("{\"sourceItems\":[{\"sku\":\"S1\",\"source_code\":\"wh-east\","
                + "\"quantity\":12,\"status\":1}]}");
        assertThat(fake.requests().get(1).path()).isEqualTo("/rest/default/V1/products/S1/stockItems/5");
        assertThat(fake.requests().get(1).body()).isEqualTo("{\"stockItem\":{\"qty\":10,\"is_in_stock\":true}}");
    }

    @Test
    void ordersAreReadAndAnnotated() {
        fake.answer(r -> switch (r.method()) {
            case "GET" -> Reply.ok("{\"entity_id\":5,\"increment_id\":\"000000005\",\"customer_is_guest\":1,"
                    + "\"customer_email\":\"ann@example.com\",\"base_grand_total\":\"105.50\",\"grand_total\":\"105.50\",\"items\":[{\"item_id\":1,\"sku\":\"CFG\",\"product_type\":\"configurable\"},"
                    + "{\"item_id\":2,\"sku\":\"CFG-red\",\"parent_item_id\":1}],\"payment\":{\"method\":\"checkmo\"},"
                    + "\"extension_attributes\":{\"shipping_assignments\":[{\"shipping\":{\"address\":{\"city\":\"Berlin\"},"
                    + "\"method\":\"flatrate_flatrate\"}}]}}");
            default -> r.path().endsWith("/comments") ? Reply.ok("true") : Reply.ok("{\"entity_id\":5,\"ext_order_id\":\"SO-1\"}");
        });
        Order order = client.orders().get(5).orElseThrow();
        client.orders().addComment(5, OrderComment.internal("Imported into D365 as SO-1", "processing"));
        Order written = client.orders().writeExtOrderId(order, "SO-1");

        assertThat(order.isGuest()).isTrue();
        assertThat(order.grandTotal()).isEqualByComparingTo("105.50");
        assertThat(order.items().get(1).parentItemId()).isEqualTo(1);
        assertThat(order.payment().method()).isEqualTo("checkmo");
        assertThat(order.shippingAddress().get("city").asText()).isEqualTo("Berlin");
        assertThat(written.extOrderId()).isEqualTo("SO-1");
        assertThat(fake.requests().get(1).body()).isEqualTo("{\"statusHistory\":{\"comment\":\"Imported into D365 as SO-1\","
                + "\"is_customer_notified\":0,\"is_visible_on_front\":0,\"parent_id\":5,\"status\":\"processing\"}}");
        assertThat(fake.requests().get(2).path()).isEqualTo("/rest/default/V1/orders");
        assertThat(fake.requests().get(2).body()).as("the contract's required fields, with the order's own values")
                .isEqualTo("{\"entity\":{\"entity_id\":5,\"increment_id\":\"000000005\",\"ext_order_id\":\"SO-1\","
                        + "\"customer_email\":\"ann@example.com\",\"base_grand_total\":105.50,\"grand_total\":105.50,"
                        + "\"items\":[{\"item_id\":1,\"sku\":\"CFG\"},{\"item_id\":2,\"sku\":\"CFG-red\"}]}}");
        Order trimmed = new Order(5L, "000000005", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> client.orders().writeExtOrderId(trimmed, "SO-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer_email, base_grand_total");
    }

    @Test
    void invoicesAreCreatedWithOrWithoutLinesAndCaptured() {
        fake.answer(r -> r.path().endsWith("/capture") ? Reply.ok("\"true\"") : Reply.ok("31"));
        assertThat(client.invoices().create(5, InvoiceRequest.everything(true))).isEqualTo(31);
        client.invoices().create(5, InvoiceRequest.lines(false, List.of(new LineQuantity(3, BigDecimal.ONE))).withComment("Part"));
        assertThat(client.invoices().capture(31)).isEqualTo("true");

        assertThat(fake.requests().get(0).body()).isEqualTo("{\"capture\":true,\"notify\":false}");
        assertThat(fake.requests().get(1).body()).isEqualTo("{\"capture\":false,\"notify\":false,\"items\":[{\"order_item_id\":3,"
                + "\"qty\":1}],\"comment\":{\"comment\":\"Part\",\"is_visible_on_front\":0}}");
        assertThat(fake.requests().get(2).path()).isEqualTo("/rest/default/V1/invoices/31/capture");
    }

    @Test
    void shipmentsCarryTheirSourceAndTracks() {
        fake.answer(r -> r.path().endsWith("/ship") ? Reply.ok("44")
                : Reply.ok("{\"entity_id\":8,\"order_id\":5,\"parent_id\":44,\"track_number\":\"1Z9\",\"title\":\"UPS\","
                        + "\"carrier_code\":\"ups\",\"weight\":0,\"qty\":0,\"description\":\"\"}"));
        long shipment = client.shipments().ship(5, ShipmentRequest.of(List.of(new LineQuantity(3, BigDecimal.ONE)),
                List.of(new ShipmentRequest.Track("1Z9", "UPS", "ups")), "wh-east", true));
        ShipmentTrack track = client.shipments().addTrack(ShipmentTrack.of(5, shipment, "1Z9", "UPS", "ups"));

        assertThat(shipment).isEqualTo(44);
        assertThat(track.entityId()).isEqualTo(8);
        assertThat(fake.requests().get(0).path()).isEqualTo("/rest/default/V1/order/5/ship");
        assertThat(fake.requests().get(0).json().at("/arguments/extension_attributes/source_code").asText()).isEqualTo("wh-east");
        assertThat(fake.requests().get(0).json().at("/tracks/0/track_number").asText()).isEqualTo("1Z9");
        assertThat(fake.requests().get(1).path()).isEqualTo("/rest/default/V1/shipment/track");
        assertThat(fake.requests().get(1).body()).isEqualTo("{\"entity\":{\"order_id\":5,\"parent_id\":44,\"track_number\":"
                + "\"1Z9\",\"title\":\"UPS\",\"carrier_code\":\"ups\",\"weight\":0,\"qty\":0,\"description\":\"\"}}");
    }
}
