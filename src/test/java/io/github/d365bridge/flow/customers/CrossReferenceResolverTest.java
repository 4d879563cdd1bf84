package io.github.d365bridge.flow.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.d365bridge.client.core.RetryPolicy.RetryOptions;
import io.github.d365bridge.client.core.TrustStores;
import io.github.d365bridge.client.d365.D365Client;
import io.github.d365bridge.client.d365.D365ClientOptions;
import io.github.d365bridge.client.d365.entities.CustomerV3;
import io.github.d365bridge.client.d365.odata.ODataKey;
import io.github.d365bridge.flow.orders.mapping.AmbiguousCustomerException;
import io.github.d365bridge.flow.orders.mapping.CustomerReference;
import io.github.d365bridge.flow.orders.mapping.CustomerReference.Kind;
import io.github.d365bridge.sandbox.SandboxTls;
import io.github.d365bridge.sandbox.d365.ClientRegistration;
import io.github.d365bridge.sandbox.d365.D365Sandbox;
import io.github.d365bridge.sandbox.d365.D365SandboxOptions;
import io.github.d365bridge.storage.StorageAccount;
import io.github.d365bridge.testing.TestAzurite;

/**
 * The cross-reference with the opt-in e-mail fallback, against the D365 sandbox over HTTPS (OData
 * {@code $filter} on PrimaryContactEmail with the company scope) and the cross-reference on Azurite.
 */
class CrossReferenceResolverTest {

    private static final SandboxTls TLS = SandboxTls.inFolder(Path.of("target/sandbox-tls"), "changeit");
    private static final String CLIENT = "xref-app";
    private static final String SECRET = "xref-secret-0123456789";

    private static D365Sandbox sandbox;
    private static D365Client d365;

    private final StorageAccount storage = TestAzurite.storage();
    private final CustomerCrossReference xref = new CustomerCrossReference(storage, TestAzurite.uniqueName("Xref"));
    private final CrossReferenceResolver withEmail = new CrossReferenceResolver(xref,
            Optional.of(new D365CustomerEmailLookup(d365)));

    @BeforeAll
    static void start() {
        StorageAccount storage = TestAzurite.storage();
        sandbox = D365Sandbox.start(D365SandboxOptions.builder().tls(TLS)
                .client(ClientRegistration.listed(CLIENT, SECRET))
                .storageConnectionString(storage.connectionString()).dmfContainer(TestAzurite.uniqueName("dmf"))
                .build());
        d365 = D365Client.create(new D365ClientOptions(sandbox.baseUrl(), D365ClientOptions.AuthMode.ENTRA,
                sandbox.entraAuthority(), CLIENT, new D365ClientOptions.Secret(SECRET), false, Duration.ofSeconds(30),
                new RetryOptions(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20),
                        Duration.ofSeconds(1)), List.of(),
                Optional.of(TrustStores.fromPkcs12(TLS.trustStore(), TLS.password().toCharArray(), "test")),
                Optional.empty()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void oneCustomerWithTheEmailIsUsedAndRecordedSoTheNextOrderNeedsNoLookup() {
        String email = uniqueEmail();
        String account = createCustomer("usmf", email);
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 501);

        // D365 compares without case, as e-mail domains are
        assertThat(withEmail.accountFor(customer, email.toUpperCase())).contains(account);

        assertThat(xref.find(customer)).get().satisfies(entry -> {
            assertThat(entry.customerAccount()).isEqualTo(account);
            assertThat(entry.source()).isEqualTo(CrossReferenceSource.D365_EMAIL);
        });
        // from the cross-reference now: the D365 customer may change its e-mail, the link stays
        d365.odata().update(CustomerV3.ENTITY_SET, ODataKey.of("dataAreaId", "usmf", "CustomerAccount", account),
                Map.of("PrimaryContactEmail", "moved@example.net"), Optional.empty());
        assertThat(withEmail.accountFor(customer, email)).contains(account);
    }

    @Test
    void aSeededCustomerIsFoundInItsOwnLegalEntityOnly() {
        // organisations often have no e-mail (as on real tenants): take a seeded customer that has one
        Map<String, Object> seeded = sandbox.data().rows("CustomersV3", r -> "usmf".equals(r.get("dataAreaId"))
                && !"".equals(r.get("PrimaryContactEmail"))).get(3);
        String email = (String) seeded.get("PrimaryContactEmail");
        assertThat(sandbox.data().rows("CustomersV3", r -> "demf".equals(r.get("dataAreaId"))
                && email.equalsIgnoreCase((String) r.get("PrimaryContactEmail")))).isEmpty();

        assertThat(withEmail.accountFor(new CustomerReference("usmf", Kind.CUSTOMER, 502), email))
                .contains((String) seeded.get("CustomerAccount"));
        assertThat(withEmail.accountFor(new CustomerReference("demf", Kind.CUSTOMER, 502), email)).isEmpty();
        assertThat(xref.find(new CustomerReference("demf", Kind.CUSTOMER, 502))).isEmpty();
    }

    @Test
    void noCustomerWithTheEmailLeavesItUnresolvedAndRecordsNothing() {
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 503);
        assertThat(withEmail.accountFor(customer, uniqueEmail())).isEmpty();
        assertThat(xref.find(customer)).isEmpty();
    }

    @Test
    void twoCustomersWithTheEmailFailWithTheCountAndTheLegalEntityAndRecordNothing() {
        String email = uniqueEmail();
        String first = createCustomer("usmf", email);
        String second = createCustomer("usmf", email);
        createCustomer("demf", email); // another company's customer does not count
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 504);

        assertThatThrownBy(() -> withEmail.accountFor(customer, email))
                .isInstanceOfSatisfying(AmbiguousCustomerException.class, e -> {
                    assertThat(e.field()).isEqualTo("customer_email");
                    assertThat(e.reason()).startsWith("'" + email + "' is the PrimaryContactEmail of 2 D365 customers"
                            + " in usmf (" + first + ", " + second + ")")
                            .contains("PUT /api/ops/customer-xref/usmf/customer/504");
                });
        assertThat(xref.find(customer)).isEmpty();
        // an operator's link settles it: the cross-reference is asked first
        xref.put(customer, second, CrossReferenceSource.OPERATOR);
        assertThat(withEmail.accountFor(customer, email)).contains(second);
    }

    @Test
    void manyCustomersWithTheEmailAreCountedExactly() {
        String email = uniqueEmail();
        for (int i = 0; i < D365CustomerEmailLookup.SAMPLE + 2; i++) {
            createCustomer("usmf", email);
        }
        assertThatThrownBy(() -> withEmail.accountFor(new CustomerReference("usmf", Kind.CUSTOMER, 505), email))
                .isInstanceOfSatisfying(AmbiguousCustomerException.class, e -> assertThat(e.reason())
                        .contains("of " + (D365CustomerEmailLookup.SAMPLE + 2) + " D365 customers in usmf").contains(", …)"));
    }

    @Test
    void anAddressWithAWildcardIsNeverSearched() {
        // D365 reads * in an eq literal as a wildcard: this would match every customer of the company
        assertThat(withEmail.accountFor(new CustomerReference("usmf", Kind.CUSTOMER, 506), "*@*")).isEmpty();
        assertThat(withEmail.accountFor(new CustomerReference("usmf", Kind.CUSTOMER, 506), "  ")).isEmpty();
    }

    @Test
    void companiesAreNotLookedUpByTheirBuyersEmail() {
        String email = uniqueEmail();
        createCustomer("usmf", email);
        CustomerReference company = new CustomerReference("usmf", Kind.COMPANY, 507);
        assertThat(withEmail.accountFor(company, email)).isEmpty();
        assertThat(xref.find(company)).isEmpty();
    }

    @Test
    void withTheFallbackOffOnlyTheCrossReferenceCounts() {
        String email = uniqueEmail();
        createCustomer("usmf", email);
        CrossReferenceResolver off = new CrossReferenceResolver(xref, Optional.empty());
        CustomerReference customer = new CustomerReference("usmf", Kind.CUSTOMER, 508);

        assertThat(off.accountFor(customer, email)).isEmpty();
        xref.put(customer, "US-000001", CrossReferenceSource.SYNC);
        assertThat(off.accountFor(customer, email)).contains("US-000001");
    }

    private static String uniqueEmail() {
        return "xref." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
    }

    /** A customer created over OData, as D365 numbers it. */
    private static String createCustomer(String legalEntity, String email) {
        return d365.odata().create(CustomerV3.ENTITY_SET, Map.of("dataAreaId", legalEntity, "OrganizationName",
                "Xref Test " + email, "CustomerGroupId", "10", "SalesCurrencyCode", "demf".equals(legalEntity) ? "EUR" : "USD",
                "PrimaryContactEmail", email), CustomerV3.class).customerAccount();
    }
}
