package io.github.d365bridge.client.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.commerce.bulk.BulkClient;
import io.github.d365bridge.client.commerce.bulk.BulkOperationStatus;
import io.github.d365bridge.client.commerce.bulk.BulkReport;
import io.github.d365bridge.client.commerce.bulk.BulkSubmission;
import io.github.d365bridge.client.commerce.catalog.Product;
import io.github.d365bridge.client.commerce.catalog.ProductLink;
import io.github.d365bridge.client.commerce.company.Company;
import io.github.d365bridge.client.commerce.customer.Customer;
import io.github.d365bridge.client.commerce.inventory.SourceItem;
import io.github.d365bridge.client.commerce.price.PriceUpdateResult;
import io.github.d365bridge.client.commerce.price.TierPrice;
import io.github.d365bridge.client.commerce.sales.InvoiceRequest;
import io.github.d365bridge.client.commerce.sales.LineQuantity;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.sales.OrderItem;
import io.github.d365bridge.client.commerce.sales.ShipmentRequest;
import io.github.d365bridge.client.commerce.sales.ShipmentTrack;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SortOrder;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults.BulkFailure;

/** The client against the Commerce sandbox (a separate emulator of the documented behaviour), end to end. */
class CommerceClientSandboxTest {

    private static CommerceSandbox sandbox;
    private static CommerceClient client;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(650)
                .bulkOperationPace(Duration.ZERO).build());
        client = CommerceClient.create(CommerceClientOptions.builder(sandbox.baseUrl(),
                new CommerceCredentials.OAuth1(sandbox.options().integration())).retry(TestClients.FAST_RETRY)
                .bulkPoll(Duration.ofMillis(20), Duration.ofMillis(200)).build());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void seededOrdersArePagedWithSignedSearchesAndReadOneByOne() {
        List<Order> orders = client.orders().search(SearchCriteria.builder().sortBy(SortOrder.asc("entity_id"))
                .pageSize(300).build()).toList();
        assertThat(orders).hasSizeGreaterThanOrEqualTo(650).extracting(Order::entityId).doesNotHaveDuplicates();
        Order first = client.orders().get(orders.get(0).entityId()).orElseThrow();
        assertThat(first.incrementId()).isEqualTo(orders.get(0).incrementId());
        assertThat(first.items()).isNotEmpty();
        assertThat(client.orders().get(999_999)).isEmpty();
    }

    @Test
    void customersAndCompaniesAreCreatedAndFound() {
        Customer created = client.customers().create(Customer.of("buyer@contoso.example", "Ann", "Buyer", 1, 1),
                Optional.empty());
        assertThat(created.id()).isNotNull();
        assertThat(client.customers().search(SearchCriteria.builder().where(Filter.eq("email", "buyer@contoso.example"))
                .build()).toList()).extracting(Customer::id).containsExactly(created.id());
        assertThatThrownBy(() -> client.customers().create(Customer.of("buyer@contoso.example", "Ann", "Buyer", 1, 1),
                Optional.empty())).hasMessageContaining("customers.create").hasMessageContaining("HTTP 400");

        Company company = client.companies().create(new Company(null, Company.STATUS_APPROVED, "Contoso", "Contoso Ltd",
                "info@contoso.example", null, null, null, List.of("1 Main St"), "Springfield", "US", "Texas", "57",
                "75001", "555-0100", 1, null, created.id(), null));
        assertThat(company.id()).isNotNull();
        assertThat(client.companies().search(SearchCriteria.builder().where(Filter.eq("company_name", "Contoso")).build())
                .toList()).extracting(Company::id).contains(company.id());
    }

    /**
     * SKUs here are URL-safe: the sandbox (at the time of writing) does not percent-decode path segments,
     * so {@code BR%20100} would be stored under that literal key; the encoding itself is proven against
     * the loopback server in {@code CommerceOperationsTest}.
     */
    @Test
    void catalogPricesAndStockAreWritten() {
        client.products().save(Product.simple("BR-100", "Bridge product", new BigDecimal("19.90"), 1, 4));
        client.products().save(Product.simple("BR-101", "Accessory", new BigDecimal("4.50"), 1, 4));
        assertThat(client.products().get("BR-100")).get().extracting(Product::name).isEqualTo("Bridge product");
        assertThat(client.products().get("NO-SUCH-SKU")).isEmpty();
        client.products().saveLinks("BR-100", List.of(new ProductLink("BR-100", "related", "BR-101", "simple", 1)));

        sandbox.faults().failTierPriceRows(List.of("BR-101"));
        List<TierPrice> rows = List.of(
                new TierPrice(new BigDecimal("18"), TierPrice.FIXED, 0, "BR-100", "General", new BigDecimal("5")),
                new TierPrice(new BigDecimal("4"), TierPrice.FIXED, 0, "BR-101", "General", new BigDecimal("10")));
        PriceUpdateResult<TierPrice> result = client.prices().upsertTierPrices(rows);
        assertThat(result.failedRows()).as(result.failures().toString()).containsExactly(1);
        assertThat(result.failuresOf(1)).singleElement().asString().contains("BR-101").doesNotContain("%");
        assertThat(result.unmatched()).isEmpty();

        client.inventory().saveSourceItems(List.of(new SourceItem("BR-100", "default", new BigDecimal("12"), 1)));
    }

    @Test
    void ordersAreInvoicedShippedAndTracked() {
        Order order = client.orders().search(SearchCriteria.builder().where(Filter.eq("state", "new"))
                .pageSize(1).build()).findFirst().orElseThrow();
        OrderItem line = order.items().stream().filter(i -> i.parentItemId() == null).findFirst().orElseThrow();

        long invoiceId = client.invoices().create(order.entityId(), InvoiceRequest.everything(true));
        assertThat(client.invoices().listByOrder(order.entityId()).toList()).extracting(i -> i.entityId())
                .contains(invoiceId);
        assertThatThrownBy(() -> client.invoices().create(order.entityId(), InvoiceRequest.everything(false)))
                .hasMessageContaining("does not allow an invoice").hasMessageContaining("HTTP 400");

        long shipmentId = client.shipments().ship(order.entityId(), ShipmentRequest.of(
                List.of(new LineQuantity(line.itemId(), line.qtyOrdered())), List.of(), "default", false));
        ShipmentTrack track = client.shipments().addTrack(ShipmentTrack.of(order.entityId(), shipmentId, "1Z999",
                "UPS", "ups"));
        assertThat(track.parentId()).isEqualTo(shipmentId);
    }

    @Test
    void bulkOutcomesComeBackPerEntry() {
        sandbox.faults().failBulkItems(BulkFailure.RETRIABLE, List.of(10)).failBulkItems(BulkFailure.PERMANENT, List.of(20));
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            products.add(Product.simple("BULK-" + i, "Bulk " + i, new BigDecimal("1.00"), 1, 4));
        }
        BulkClient bulk = client.inStore("all").bulk();
        BulkSubmission submission = bulk.submit("PUT", "products/bySku", BulkClient.productSaves(products));
        BulkReport report = bulk.awaitCompletion(submission, Duration.ofSeconds(30));

        assertThat(report.deadlineReached()).isFalse();
        assertThat(report.outcomes().get(10).status()).isEqualTo(BulkOperationStatus.RETRIABLY_FAILED);
        assertThat(report.outcomes().get(20).status()).isEqualTo(BulkOperationStatus.FAILED);
        assertThat(report.outcomes().get(20).recordKey()).isEqualTo("BULK-20");
        assertThat(report.withStatus(BulkOperationStatus.COMPLETE)).hasSize(298);
        assertThat(client.products().get("BULK-299")).isPresent();
    }

    @Test
    void throttlingAndProxyErrorsAreRetried() {
        sandbox.faults().add(FaultRule.next(1, "GET /V1/orders", FaultKind.THROTTLE).withRetryAfter(1))
                .add(FaultRule.next(1, "GET /V1/orders", FaultKind.UNAVAILABLE));
        assertThat(client.orders().searchPage(SearchCriteria.builder().pageSize(5).build()).items()).hasSize(5);
    }

    @Test
    void adminTokenModeLogsInOnceAndBearerModeExplainsA401() {
        CommerceClient admin = CommerceClient.create(TestOptions.of(sandbox, new CommerceCredentials.AdminUser("admin",
                "admin-password-1")));
        admin.orders().searchPage(SearchCriteria.builder().pageSize(1).build());
        admin.orders().searchPage(SearchCriteria.builder().pageSize(1).build());

        CommerceClient wrong = CommerceClient.create(TestOptions.of(sandbox, new CommerceCredentials.AdminUser("admin",
                "wrong-password")));
        assertThatThrownBy(() -> wrong.orders().get(1)).hasMessageContaining("admin-token.login");
        assertThatThrownBy(() -> wrong.orders().get(1)).hasMessageContaining("on hold");

        CommerceClient bearer = CommerceClient.create(TestOptions.of(sandbox, new CommerceCredentials.Bearer(
                sandbox.options().integration().token())));
        assertThatThrownBy(() -> bearer.orders().get(1)).hasMessageContaining("HTTP 401")
                .hasMessageContaining("enable_integration_as_bearer");
    }

    /** Options for extra clients on the shared sandbox. */
    private static final class TestOptions {
        static CommerceClientOptions of(CommerceSandbox sandbox, CommerceCredentials credentials) {
            return CommerceClientOptions.builder(sandbox.baseUrl(), credentials).retry(TestClients.FAST_RETRY).build();
        }
    }
}
