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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.commerce.bulk.BulkClient;
import io.github.d365bridge.client.commerce.bulk.BulkOperationStatus;
import io.github.d365bridge.client.commerce.bulk.BulkReport;
import io.github.d365bridge.client.commerce.bulk.BulkSubmission;
import io.github.d365bridge.client.commerce.catalog.Product;
import io.github.d365bridge.client.commerce.catalog.ProductLink;
import io.github.d365bridge.client.commerce.company.Company;
import io.github.d365bridge.client.commerce.company.CompanyCredit;
import io.github.d365bridge.client.commerce.customer.Customer;
import io.github.d365bridge.client.commerce.inventory.SourceItem;
import io.github.d365bridge.client.commerce.price.BasePrice;
import io.github.d365bridge.client.commerce.price.PriceUpdateResult;
import io.github.d365bridge.client.commerce.price.TierPrice;
import io.github.d365bridge.client.commerce.sales.InvoiceRequest;
import io.github.d365bridge.client.commerce.sales.LineQuantity;
import io.github.d365bridge.client.commerce.sales.Order;
import io.github.d365bridge.client.commerce.sales.OrderComment;
import io.github.d365bridge.client.commerce.sales.OrderItem;
import io.github.d365bridge.client.commerce.sales.ShipmentRequest;
import io.github.d365bridge.client.commerce.sales.ShipmentTrack;
import io.github.d365bridge.client.commerce.search.Filter;
import io.github.d365bridge.client.commerce.search.SearchCriteria;
import io.github.d365bridge.client.commerce.search.SortOrder;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.http.TrafficLog;
import io.github.d365bridge.testing.CommerceContract;
import io.github.d365bridge.testing.CommerceRequestContract;
import io.github.d365bridge.sandbox.commerce.faults.FaultKind;
import io.github.d365bridge.sandbox.commerce.faults.FaultRule;
import io.github.d365bridge.sandbox.commerce.faults.SandboxFaults.BulkFailure;

/**
 * The client against the Commerce sandbox (a separate emulator of the documented behaviour), end to end.
 * The sandbox records the whole conversation, and the last test checks every request the client sent
 * and every answer it got against Adobe's OpenAPI file, the requests strictly (required fields included).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommerceClientSandboxTest {

    private static CommerceSandbox sandbox;
    private static CommerceClient client;

    @BeforeAll
    static void start() {
        sandbox = CommerceSandbox.start(CommerceSandboxOptions.builder().seedOrders(2_100)
                .bulkOperationPace(Duration.ZERO).build());
        client = CommerceClient.create(CommerceClientOptions.builder(sandbox.baseUrl(),
                new CommerceCredentials.OAuth1(sandbox.options().integration())).retry(TestClients.FAST_RETRY)
                .bulkPoll(Duration.ofMillis(20), Duration.ofMillis(200)).build());
        sandbox.traffic().recording(true);
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void everyRequestAndAnswerOfTheClientConformsToTheContract() {
        List<TrafficLog.Exchange> exchanges = sandbox.traffic().exchanges();
        assertThat(exchanges).hasSizeGreaterThan(20);
        assertThat(exchanges).extracting(TrafficLog.Exchange::method).contains("GET", "POST", "PUT");
        assertThat(CommerceContract.load().checkAll(exchanges)).isEmpty();
        assertThat(CommerceRequestContract.load().checkAll(exchanges)).isEmpty();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void seededOrdersArePagedWithSignedSearchesAndReadOneByOne() {
        List<Order> orders = client.orders().search(SearchCriteria.builder().sortBy(SortOrder.asc("entity_id"))
                .pageSize(300).build()).toList();
        assertThat(orders).hasSizeGreaterThanOrEqualTo(2_100).extracting(Order::entityId).doesNotHaveDuplicates();
        Order first = client.orders().get(orders.get(0).entityId()).orElseThrow();
        assertThat(first.incrementId()).isEqualTo(orders.get(0).incrementId());
        assertThat(first.items()).isNotEmpty();
        assertThat(client.orders().get(999_999)).isEmpty();
    }

    /** Every write of the order client: the comment, and ext_order_id saved without changing the order otherwise. */
    @Test
    void ordersAreAnnotatedAndGetTheirExtOrderIdAndNothingElseChanges() {
        Order order = client.orders().searchPage(SearchCriteria.builder().where(Filter.isNull("ext_order_id"))
                .pageSize(1).build()).items().get(0);
        var before = sandbox.data().order(order.entityId().intValue()).orElseThrow().deepCopy();
        client.orders().addComment(order.entityId(), OrderComment.internal("Imported as SO-7", null));
        Order written = client.orders().writeExtOrderId(client.orders().get(order.entityId()).orElseThrow(), "SO-7");

        assertThat(written.extOrderId()).isEqualTo("SO-7");
        var after = sandbox.data().order(order.entityId().intValue()).orElseThrow().deepCopy();
        assertThat(after.get("ext_order_id").asText()).isEqualTo("SO-7");
        assertThat(after.withArray("status_histories")).hasSize(1);
        for (var fields : List.of(before, after)) {
            fields.remove(List.of("ext_order_id", "status_histories", "updated_at"));
        }
        assertThat(after).isEqualTo(before);
    }

    /** Writes the other tests leave out, so the contract test sees every request shape of the client. */
    @Test
    void updatesReplacementsAndInvoicesWithoutCaptureAreAccepted() {
        Customer customer = client.customers().create(Customer.of("update@contoso.example", "Ann", "Update", 1, 1),
                Optional.empty());
        assertThat(client.customers().update(customer.id(), Customer.of("update@contoso.example", "Anna", "Update", 1, 1)
                .withId(customer.id())).firstname()).isEqualTo("Anna");
        Company company = client.companies().create(new Company(null, Company.STATUS_APPROVED, "Update Co", null,
                "update-co@contoso.example", null, null, null, List.of("2 Main St"), "Springfield", "US", "Texas", "57",
                "75001", "555-0101", 1, 1, customer.id(), null));
        assertThat(client.companies().update(company.id(), company.withId(company.id())).id()).isEqualTo(company.id());

        client.products().create(Product.simple("BR-200", "Created product", new BigDecimal("5.00"), 1, 4));
        TierPrice tier = new TierPrice(new BigDecimal("4"), TierPrice.FIXED, 0, "BR-200", "General", new BigDecimal("3"));
        assertThat(client.prices().replaceTierPrices(List.of(tier)).failedRows()).isEmpty();
        assertThat(client.prices().deleteTierPrices(List.of(tier)).failedRows()).isEmpty();
        assertThat(client.prices().updateBasePrices(List.of(new BasePrice(new BigDecimal("4.50"), 0, "BR-200")))
                .failedRows()).isEmpty();

        Order order = client.orders().search(SearchCriteria.builder().where(Filter.eq("state", "new"))
                .pageSize(1).currentPage(2).build()).findFirst().orElseThrow();
        assertThat(client.invoices().create(order.entityId(), InvoiceRequest.everything(false))).isPositive();
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
                "75001", "555-0100", 1, 1, created.id(), null));
        assertThat(company.id()).isNotNull();
        assertThat(client.companies().search(SearchCriteria.builder().where(Filter.eq("company_name", "Contoso")).build())
                .toList()).extracting(Company::id).contains(company.id());
    }

    /** The look-ups the customer sync makes before it decides between create and adopt. */
    @Test
    void customersAreFoundByEmailOnTheirOwnWebsiteAndReadById() {
        Customer created = client.customers().create(Customer.of("Adopt.Me@contoso.example", "Ada", "Adopt", 2, 1),
                Optional.empty());
        assertThat(client.customers().findByEmail("adopt.me@CONTOSO.example", 2)).get().extracting(Customer::id)
                .isEqualTo(created.id());
        assertThat(client.customers().findByEmail("adopt.me@contoso.example", 1)).as("another website").isEmpty();
        assertThat(client.customers().get(created.id())).get().extracting(Customer::storeId).isEqualTo(2);
        assertThat(client.customers().get(999_999)).isEmpty();
    }

    /** A company is found by its e-mail, read by id, and gets its credit limit from D365. */
    @Test
    void companiesAreFoundByEmailAndTheirCreditLimitIsSet() {
        Customer admin = client.customers().create(Customer.of("credit-admin@contoso.example", "Cy", "Credit", 1, 1),
                Optional.empty());
        Company company = client.companies().create(new Company(null, Company.STATUS_APPROVED, "Credit Co", null,
                "AP@credit.example", null, null, null, List.of("3 Main St"), "Springfield", "US", null, "57",
                "75001", "555-0102", 2, 1, admin.id(), null));
        assertThat(client.companies().findByEmail("ap@CREDIT.example")).get().extracting(Company::id).isEqualTo(company.id());
        assertThat(client.companies().findByEmail("nobody@credit.example")).isEmpty();
        assertThat(client.companies().get(company.id())).get().extracting(Company::companyName).isEqualTo("Credit Co");
        assertThat(client.companies().get(999_999)).isEmpty();

        CompanyCredit credit = client.companyCredits().byCompany(company.id()).orElseThrow();
        assertThat(credit.creditLimit()).as("a new company has no limit").isNull();
        CompanyCredit updated = client.companyCredits().update(credit.id(), CompanyCredit.limit(company.id(),
                new BigDecimal("15000.00"), credit.currencyCode(), false, "Credit limit from D365"));
        assertThat(updated.creditLimit()).isEqualByComparingTo("15000");
        assertThat(client.companyCredits().get(credit.id())).get().extracting(CompanyCredit::availableLimit)
                .satisfies(limit -> assertThat(limit).isEqualByComparingTo("15000"));
        assertThatThrownBy(() -> client.companyCredits().update(credit.id(), CompanyCredit.limit(company.id(),
                BigDecimal.TEN, "JPY", false, null))).hasMessageContaining("company-credits.update")
                .hasMessageContaining("currency_code").hasMessageContaining("HTTP 400");
        assertThat(client.companyCredits().byCompany(999_999)).isEmpty();
        assertThat(client.companyCredits().get(999_999)).isEmpty();
    }

    /** Customer creates and updates through async bulk, each outcome back on the e-mail it was sent for. */
    @Test
    void customerBulksReportEveryCustomerOnItsOwn() {
        sandbox.faults().clear(); // the product bulk test's planned failures by position would hit this bulk too
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            customers.add(Customer.of("bulk-customer-" + i + "@contoso.example", "Bulk", "Customer " + i, 1, 1));
        }
        customers.set(7, Customer.of("bulk-customer-3@contoso.example", "Bulk", "Duplicate", 1, 1));
        BulkClient bulk = client.bulk();
        BulkReport created = bulk.awaitCompletion(bulk.submit("POST", "customers", BulkClient.customerCreates(customers)),
                Duration.ofSeconds(30));
        assertThat(created.withStatus(BulkOperationStatus.COMPLETE)).hasSize(49);
        assertThat(created.outcomes().get(7).status()).isEqualTo(BulkOperationStatus.FAILED);
        assertThat(created.outcomes().get(7).recordKey()).isEqualTo("bulk-customer-3@contoso.example");
        assertThat(created.outcomes().get(7).message()).contains("same email address already exists");

        Customer first = client.customers().findByEmail("bulk-customer-0@contoso.example", 1).orElseThrow();
        Customer renamed = Customer.of(first.email(), "Renamed", first.lastname(), 1, 1).withId(first.id());
        BulkReport updated = bulk.awaitCompletion(bulk.submit("PUT", "customers/byCustomerId",
                BulkClient.customerUpdates(List.of(renamed))), Duration.ofSeconds(30));
        assertThat(updated.allComplete()).isTrue();
        assertThat(client.customers().get(first.id())).get().extracting(Customer::firstname).isEqualTo("Renamed");
        assertThatThrownBy(() -> BulkClient.customerUpdates(List.of(customers.get(0))))
                .hasMessageContaining("needs its Commerce id");
    }

    /** A SKU with a space and a plus travels percent-encoded in the path and is stored decoded. */
    @Test
    void catalogPricesAndStockAreWritten() {
        // two products of one name would share the URL key Commerce makes of it, which it refuses
        client.products().save(Product.simple("BR 100+A", "Bridge product A", new BigDecimal("19.90"), 1, 4));
        client.products().save(Product.simple("BR-100", "Bridge product", new BigDecimal("19.90"), 1, 4));
        client.products().save(Product.simple("BR-101", "Accessory", new BigDecimal("4.50"), 1, 4));
        assertThat(client.products().get("BR 100+A")).get().extracting(Product::sku).isEqualTo("BR 100+A");
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
        sandbox.faults().failBulkItems(BulkFailure.RETRIABLE, List.of(10, 500, 999))
                .failBulkItems(BulkFailure.PERMANENT, List.of(20, 777));
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            products.add(Product.simple("BULK-" + i, "Bulk " + i, new BigDecimal("1.00"), 1, 4));
        }
        BulkClient bulk = client.inStore("all").bulk();
        BulkSubmission submission = bulk.submit("PUT", "products/bySku", BulkClient.productSaves(products));
        BulkReport report = bulk.awaitCompletion(submission, Duration.ofSeconds(30));

        assertThat(report.deadlineReached()).isFalse();
        for (int retriable : List.of(10, 500, 999)) {
            assertThat(report.outcomes().get(retriable).status()).isEqualTo(BulkOperationStatus.RETRIABLY_FAILED);
            assertThat(report.outcomes().get(retriable).recordKey()).isEqualTo("BULK-" + retriable);
        }
        for (int permanent : List.of(20, 777)) {
            assertThat(report.outcomes().get(permanent).status()).isEqualTo(BulkOperationStatus.FAILED);
            assertThat(report.outcomes().get(permanent).recordKey()).isEqualTo("BULK-" + permanent);
        }
        assertThat(report.withStatus(BulkOperationStatus.COMPLETE)).hasSize(995);
        assertThat(client.products().get("BULK-998")).isPresent();
        assertThat(client.products().get("BULK-777")).isEmpty();
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

    @Test
    void expiredAdminTokenIsReplacedOnceAndBearerWorksWhereTheStoreAllowsIt() {
        try (CommerceSandbox shortLived = CommerceSandbox.start(CommerceSandboxOptions.builder()
                .adminTokenLifetime(Duration.ofSeconds(1)).integrationBearerEnabled(true).seedOrders(3).build())) {
            CommerceClient admin = CommerceClient.create(TestOptions.of(shortLived,
                    new CommerceCredentials.AdminUser("admin", "admin-password-1")));
            admin.orders().searchPage(SearchCriteria.builder().pageSize(1).build());
            java.time.Instant expired = java.time.Instant.now().plusMillis(1_200);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> java.time.Instant.now().isAfter(expired));
            // The client believes the token lives 4 h; the store expired it: one 401, one new login, success.
            assertThat(admin.orders().searchPage(SearchCriteria.builder().pageSize(1).build()).items()).hasSize(1);
            assertThat(shortLived.faults().calls("POST /V1/integration/admin/token")).isEqualTo(2);

            CommerceClient bearer = CommerceClient.create(TestOptions.of(shortLived, new CommerceCredentials.Bearer(
                    shortLived.options().integration().token())));
            assertThat(bearer.orders().searchPage(SearchCriteria.builder().pageSize(2).build()).items()).hasSize(2);
        }
    }

    /** Options for extra clients on the shared sandbox. */
    private static final class TestOptions {
        static CommerceClientOptions of(CommerceSandbox sandbox, CommerceCredentials credentials) {
            return CommerceClientOptions.builder(sandbox.baseUrl(), credentials).retry(TestClients.FAST_RETRY).build();
        }
    }
}
