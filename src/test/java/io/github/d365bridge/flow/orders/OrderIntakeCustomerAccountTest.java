package io.github.d365bridge.flow.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.d365bridge.client.commerce.CommerceClient;
import io.github.d365bridge.client.commerce.CommerceClientOptions;
import io.github.d365bridge.client.commerce.auth.CommerceCredentials;
import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.flow.customers.CrossReferenceResolver;
import io.github.d365bridge.flow.customers.CrossReferenceSource;
import io.github.d365bridge.flow.customers.CustomerCrossReference;
import io.github.d365bridge.flow.customers.D365CustomerEmailLookup;
import io.github.d365bridge.flow.orders.batch.MappedOrderStore;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference.Kind;
import io.github.d365bridge.flow.orders.mapping.MappedOrder;
import io.github.d365bridge.flow.orders.mapping.OrderMapper;
import io.github.d365bridge.flow.orders.mapping.SalesOrderFields;
import io.github.d365bridge.mapping.MappingProfile;
import io.github.d365bridge.mapping.MappingProfileLoader;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.commerce.CommerceSandbox;
import io.github.d365bridge.sandbox.commerce.CommerceSandboxOptions;
import io.github.d365bridge.sandbox.commerce.orders.DeliveryPolicy;
import io.github.d365bridge.sandbox.commerce.orders.OrderKind;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The intake step with the real customer resolution: orders read from the Commerce sandbox, the
 * cross-reference on Azurite and, where the profile opts in, the D365 sandbox asked by e-mail. What is
 * asserted is the account the mapped order is booked on, or the order's failure and its reason.
 */
class OrderIntakeCustomerAccountTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");

    private static StorageAccount storage;
    private static CommerceSandbox commerce;
    private static D365Sandbox d365Sandbox;
    private static D365Client d365;
    private static CommerceClient commerceClient;

    private final CustomerCrossReference xref = new CustomerCrossReference(storage, TestAzurite.uniqueName("Xref"));
    private final OrderLedger ledger = new OrderLedger(storage, TestAzurite.uniqueName("Ledger"));
    private final MappedOrderStore mapped = new MappedOrderStore(storage, TestAzurite.uniqueName("mapped"));

    @BeforeAll
    static void start() {
        storage = TestAzurite.storage();
        commerce = CommerceSandbox.start(CommerceSandboxOptions.builder().build());
        commerceClient = CommerceClient.create(CommerceClientOptions.builder(commerce.baseUrl(),
                new CommerceCredentials.OAuth1(commerce.options().integration())).build());
        d365Sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed("intake-app", "intake-secret-0123456789"))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf")).build());
        d365 = D365Client.create(new D365ClientOptions(d365Sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                d365Sandbox.entraAuthority(), "intake-app", new D365ClientOptions.Secret("intake-secret-0123456789"),
                false, Duration.ofSeconds(30), new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1),
                        Duration.ofSeconds(20), Duration.ofSeconds(1)), List.of(),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), TLS.password().toCharArray(), "test")),
                Optional.empty()));
    }

    @AfterAll
    static void stop() {
        commerce.close();
        d365Sandbox.close();
    }

    @Test
    void aRegisteredCustomerWithACrossReferenceEntryIsBookedOnThatAccount() {
        List<ObjectNode> orders = customerOrdersOfDistinctCustomers(2);
        ObjectNode linked = orders.get(0);
        ObjectNode unlinked = orders.get(1);
        xref.put(reference(linked), "US-LINKED-1", CrossReferenceSource.OPERATOR);
        OrderIntakeProcessor intake = processor("customers: {unresolvedCustomer: fail}\n", Optional.empty());

        LedgerEntry entry = intake.process(received(linked), "corr-linked");
        assertThat(entry.state()).as(entry.lastError()).isEqualTo(OrderState.MAPPED);
        MappedOrder rows = mapped.get(key(linked));
        assertThat(rows.header()).containsEntry(SalesOrderFields.ORDERING_ACCOUNT, "US-LINKED-1")
                .containsEntry(SalesOrderFields.INVOICE_ACCOUNT, "US-LINKED-1");

        LedgerEntry failed = intake.process(received(unlinked), "corr-unlinked");
        assertThat(failed.state()).isEqualTo(OrderState.FAILED);
        assertThat(failed.lastError()).contains("customer " + unlinked.get("customer_id").asLong()
                + " has no D365 customer account in " + legalEntity(unlinked) + " (customers.unresolvedCustomer is fail)");
    }

    @Test
    void withTheEmailFallbackOneD365MatchIsUsedAndRecordedAndSeveralFailTheOrder() {
        List<ObjectNode> orders = customerOrdersOfDistinctCustomers(2);
        ObjectNode single = orders.get(0);
        ObjectNode ambiguous = orders.get(1);
        String account = createCustomer(legalEntity(single), single.get("customer_email").asText());
        createCustomer(legalEntity(ambiguous), ambiguous.get("customer_email").asText());
        createCustomer(legalEntity(ambiguous), ambiguous.get("customer_email").asText());
        OrderIntakeProcessor intake = processor("customers: {unresolvedCustomer: fail, lookupByEmail: true}\n",
                Optional.of(new D365CustomerEmailLookup(d365)));

        LedgerEntry entry = intake.process(received(single), "corr-single");
        assertThat(entry.state()).as(entry.lastError()).isEqualTo(OrderState.MAPPED);
        assertThat(mapped.get(key(single)).header()).containsEntry(SalesOrderFields.ORDERING_ACCOUNT, account);
        assertThat(xref.find(reference(single))).get().satisfies(e -> {
            assertThat(e.customerAccount()).isEqualTo(account);
            assertThat(e.source()).isEqualTo(CrossReferenceSource.D365_EMAIL);
        });

        LedgerEntry failed = intake.process(received(ambiguous), "corr-ambiguous");
        assertThat(failed.state()).isEqualTo(OrderState.FAILED);
        assertThat(failed.lastError()).contains("Order " + key(ambiguous) + ": customer_email: '"
                + ambiguous.get("customer_email").asText() + "' is the PrimaryContactEmail of 2 D365 customers in "
                + legalEntity(ambiguous));
        assertThat(xref.find(reference(ambiguous))).isEmpty();
    }

    private OrderIntakeProcessor processor(String override, Optional<D365CustomerEmailLookup> byEmail) {
        MappingProfile profile = MappingProfileLoader.fromText(defaultProfile(), Optional.of(override), "test override");
        return new OrderIntakeProcessor(ledger, commerceClient, new OrderMapper(profile),
                new CrossReferenceResolver(xref, byEmail), mapped);
    }

    /** Registered customers' orders (no company orders), one per customer so e-mails differ. */
    private static List<ObjectNode> customerOrdersOfDistinctCustomers(int count) {
        List<ObjectNode> chosen = new ArrayList<>();
        Set<Long> customers = new HashSet<>();
        Set<String> emails = new HashSet<>();
        while (chosen.size() < count) {
            for (ObjectNode order : commerce.orders().place(10, OrderKind.CUSTOMER, false,
                    new DeliveryPolicy(1, false, 100, false, false))) {
                boolean company = order.path("extension_attributes").has("company_order_attributes");
                if (!company && customers.add(order.get("customer_id").asLong())
                        && emails.add(order.get("customer_email").asText().toLowerCase()) && chosen.size() < count) {
                    chosen.add(order);
                }
            }
        }
        return chosen;
    }

    private static OrderReceived received(ObjectNode order) {
        return new OrderReceived(storeCode(order), order.get("increment_id").asText(), order.get("entity_id").asLong(),
                "test", order.get("updated_at").asText());
    }

    private static OrderKey key(ObjectNode order) {
        return new OrderKey(storeCode(order), order.get("increment_id").asText());
    }

    private static CustomerReference reference(ObjectNode order) {
        return new CustomerReference(legalEntity(order), Kind.CUSTOMER, order.get("customer_id").asLong());
    }

    private static String storeCode(ObjectNode order) {
        return order.get("store_id").asInt() == 1 ? "default" : "eu_en";
    }

    private static String legalEntity(ObjectNode order) {
        return "default".equals(storeCode(order)) ? "usmf" : "demf";
    }

    private static String createCustomer(String legalEntity, String email) {
        return d365.odata().create(CustomerV3.ENTITY_SET, Map.of("dataAreaId", legalEntity, "OrganizationName",
                "Intake Test", "CustomerGroupId", "10", "SalesCurrencyCode", "usmf".equals(legalEntity) ? "USD" : "EUR",
                "PrimaryContactEmail", email), CustomerV3.class).customerAccount();
    }

    private static String defaultProfile() {
        try (var in = OrderIntakeCustomerAccountTest.class.getClassLoader()
                .getResourceAsStream(MappingProfileLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
